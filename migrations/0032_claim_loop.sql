-- One claim loop for every worker (packages/api/src/workers/claim-loop.ts): timers, the outbox
-- and the retention job are all claimed in short transactions with FOR UPDATE SKIP LOCKED under a
-- lease (claimed_by, lease_until), retried with backoff (attempts, next_attempt_at), and taken
-- over by another worker once a dead worker's lease runs out.

-- Timers: next_attempt_at NULL means "at due_at"; a claim sets it to the lease's end, a failed
-- attempt to its backoff. The due index follows the expression the claim and the sleep use.
ALTER TABLE timers
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN claimed_by text,
  ADD COLUMN lease_until timestamptz;
CREATE INDEX timers_next_attempt_idx ON timers ((coalesce(next_attempt_at, due_at)))
  WHERE status = 'pending';

-- The outbox had its lease (locked_until) but not its holder: a late worker must not record a
-- failure over a row another worker took over.
ALTER TABLE outbox ADD COLUMN claimed_by text;

-- Periodic jobs of the whole installation (not of each process): one row per job, claimed by one
-- worker at a time; next_attempt_at is its next run, or its retry after a failed run.
CREATE TABLE scheduled_jobs (
  name text PRIMARY KEY,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_by text,
  lease_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  last_done_at timestamptz
);
INSERT INTO scheduled_jobs (name) VALUES ('retention');

-- Wake the timer workers when a timer is scheduled or moved, so one due before their next poll
-- fires on time: they re-read the earliest due time and sleep until it. Only a hint, like the
-- outbox's (0007): the workers still poll.
CREATE FUNCTION timers_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('timers', '');
  RETURN NULL;
END $$;

CREATE TRIGGER timers_notify_change AFTER INSERT OR UPDATE OF due_at ON timers
  FOR EACH STATEMENT EXECUTE FUNCTION timers_notify();
