-- A definition keeps the order in which the policy officer put its states, events, fields and
-- templates: `jsonb` sorts object keys (by length, then bytes), `json` keeps the text as written.
-- `json` has no equality operator, so the immutability trigger compares the text instead.
ALTER TABLE workflow_definitions ALTER COLUMN definition TYPE json USING definition::json;

CREATE OR REPLACE FUNCTION workflow_definitions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'workflow definition %@% is % and cannot be deleted', OLD.key, OLD.version, OLD.status
        USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (
    NEW.definition::text IS DISTINCT FROM OLD.definition::text
    OR NEW.key IS DISTINCT FROM OLD.key
    OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW.published_at IS DISTINCT FROM OLD.published_at
    OR NEW.status = 'draft'
    OR (OLD.status = 'retired' AND NEW.status <> 'retired')
  ) THEN
    RAISE EXCEPTION 'workflow definition %@% is % and immutable', OLD.key, OLD.version, OLD.status
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
