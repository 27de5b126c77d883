-- A notice of default (ingebrekestelling, Awb 4:17): a resident whose decision is late tells the
-- municipality in writing, and two weeks later a penalty (dwangsom) starts to run for each day
-- without a decision. Staff record the day the notice came in; the day the decision term had
-- ended is kept with it (a later extension cannot move it), and the day the decision that ended
-- the wait was made known is set by the step that ended it (or moved to its posting day). The
-- engine's latePenalty reads the amount off these dates. One notice per application counts:
-- the first after the term ran out.
ALTER TABLE applications
  ADD COLUMN notice_of_default_on date,
  ADD COLUMN notice_term_ended_on date,
  ADD COLUMN notice_decided_on date,
  ADD CONSTRAINT applications_notice_of_default_check CHECK (
    (notice_of_default_on IS NULL) = (notice_term_ended_on IS NULL)
    AND (notice_of_default_on IS NULL OR notice_of_default_on > notice_term_ended_on)
    AND (notice_decided_on IS NULL OR notice_of_default_on IS NOT NULL)
  );
