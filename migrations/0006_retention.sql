-- Data retention (AVG/GDPR): a draft that was never submitted holds personal data without a
-- legal basis once it has been left alone long enough, so the retention job deletes it with
-- its history. History stays immutable for everything else: a delete passes only inside a
-- transaction that set initiatief.retention = 'on' (SET LOCAL), and only for a draft that was
-- never submitted.
CREATE FUNCTION application_history_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('initiatief.retention', true) = 'on'
     AND EXISTS (
       SELECT 1 FROM applications a
       WHERE a.id = OLD.application_id AND a.state = 'draft' AND a.submitted_at IS NULL
     ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END $$;

DROP TRIGGER application_history_immutable ON application_history;
CREATE TRIGGER application_history_immutable BEFORE UPDATE OR DELETE ON application_history
  FOR EACH ROW EXECUTE FUNCTION application_history_guard();

-- The retention job looks for old drafts by their last change.
CREATE INDEX applications_draft_updated_idx ON applications (updated_at) WHERE state = 'draft';
