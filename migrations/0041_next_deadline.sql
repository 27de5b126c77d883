-- The staff's list sorted "by deadline" sorted by the decision term only, so an application
-- whose decision was sent sorted by a date long past, although its page names a later one (the
-- end of the objection period, the report that is due). The list now sorts by the next deadline
-- as the application's page shows it. It is kept beside the snapshot with every step, and since
-- time alone makes a later deadline the next one once the earlier has passed, with the day from
-- which it must be worked out again; the "deadlines" job does that for the rows that are due.
ALTER TABLE applications
  ADD COLUMN next_deadline_on date,
  ADD COLUMN deadlines_recompute_on date;

-- Owed a decision and not suspended: the decision term is the only deadline, and exact.
UPDATE applications
   SET next_deadline_on = decision_due_on
 WHERE awaiting_decision AND NOT suspended;

-- Every other application that was received: the decision term until the job's first run
-- works out the real one (it takes them at once).
UPDATE applications
   SET next_deadline_on = decision_due_on,
       deadlines_recompute_on = DATE '2000-01-01'
 WHERE received_on IS NOT NULL
   AND NOT (awaiting_decision AND NOT suspended);

DROP INDEX applications_deadline_idx;
CREATE INDEX applications_next_deadline_idx
  ON applications ((coalesce(next_deadline_on, DATE '9999-12-31')), id);
CREATE INDEX applications_deadlines_recompute_idx
  ON applications (deadlines_recompute_on)
  WHERE deadlines_recompute_on IS NOT NULL;

INSERT INTO scheduled_jobs (name) VALUES ('deadlines');
