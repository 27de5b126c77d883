-- Awb 4:17 lid 6: no penalty is owed when the notice of default came unreasonably late, when the
-- applicant is not an interested party, or when the application was manifestly inadmissible or
-- unfounded. The 4:18 decision then sets that none is owed, on one of these grounds, kept here.
ALTER TABLE applications
  ADD COLUMN notice_penalty_waived text,
  ADD CONSTRAINT applications_notice_penalty_waived_check CHECK (
    notice_penalty_waived IS NULL
    OR (notice_penalty_waived IN ('late_notice', 'not_interested', 'manifest')
        AND notice_penalty_set_on IS NOT NULL)
  );
