-- Retention selects drafts by the state tag `draft` of the application's own workflow
-- definition (contract C3), not by a state name of one shipped workflow: a policy officer may
-- name the first state of a new workflow anything. "Never submitted" stays the second condition.
CREATE OR REPLACE FUNCTION application_history_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_setting('initiatief.retention', true) = 'on'
     AND EXISTS (
       SELECT 1
       FROM applications a
       JOIN workflow_definitions wd
         ON wd.key = a.definition_key AND wd.version = a.definition_version
       WHERE a.id = OLD.application_id
         AND a.submitted_at IS NULL
         AND coalesce(wd.definition::jsonb -> 'states' -> a.state -> 'tags', '[]'::jsonb) ? 'draft'
     ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% rows are immutable (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END $$;

-- The retention job looks for never-submitted applications by their last change.
DROP INDEX applications_draft_updated_idx;
CREATE INDEX applications_unsubmitted_updated_idx ON applications (updated_at)
  WHERE submitted_at IS NULL;
