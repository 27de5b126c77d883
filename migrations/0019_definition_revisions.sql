-- No lost edits (issue 14): a draft carries a revision that every save raises, and who saved
-- it last and when. A save with If-Match of an older revision is refused (412) and told who
-- saved in between.
ALTER TABLE workflow_definitions
  ADD COLUMN revision integer NOT NULL DEFAULT 1,
  ADD COLUMN saved_by uuid REFERENCES users (id),
  ADD COLUMN saved_at timestamptz;
