-- The penalties of notices of default (migrations 0049, 0050) still to be set by decision
-- (Awb 4:18): the work queue lists them by the day they must be set. Few applications ever have
-- a notice, so the index holds only those whose penalty is not yet set, and the list reads them
-- without a scan of every application.
CREATE INDEX applications_penalty_to_set ON applications (notice_of_default_on)
  WHERE notice_of_default_on IS NOT NULL AND notice_penalty_set_on IS NULL;
