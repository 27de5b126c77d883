-- The day the penalty of a notice of default (migration 0049) was set by decision (Awb 4:18):
-- staff record it, and the application's page then says what was set instead of asking for it.
ALTER TABLE applications
  ADD COLUMN notice_penalty_set_on date,
  ADD CONSTRAINT applications_notice_penalty_set_check CHECK (
    notice_penalty_set_on IS NULL OR notice_of_default_on IS NOT NULL
  );
