-- An application's timers of every status, in the order they were made. Until now only the
-- pending ones were indexed by application (timers_one_pending_idx), so two readers scanned the
-- whole table once per application: a definition migration, which reads the timers that went
-- off since the state was entered (a reminder must not go off twice in one stay), and the
-- retention job, which deletes an abandoned draft's timers. One entry per timer row written.
CREATE INDEX timers_application_idx ON timers (application_id, created_at);
