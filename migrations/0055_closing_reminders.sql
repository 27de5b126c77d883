-- The job that reminds a resident of a draft she has not sent while its regulation is about to
-- close (packages/api/src/reminders): one run an hour for the whole installation.
INSERT INTO scheduled_jobs (name) VALUES ('closing_reminders');
