-- A paper letter that events overtook before it went into the post (the supplement it asks for
-- came in at the desk, the application was withdrawn) can be withheld, with the reason, by whoever
-- handles the post. A decision never: it takes effect only when it is sent (Awb 3:41), so it goes.
ALTER TABLE documents
  ADD COLUMN withheld_at timestamptz,
  ADD COLUMN withheld_by uuid REFERENCES users (id),
  ADD COLUMN withheld_reason text,
  ADD CONSTRAINT documents_withheld_reason CHECK ((withheld_at IS NULL) = (withheld_reason IS NULL)),
  ADD CONSTRAINT documents_withheld_waiting CHECK (withheld_at IS NULL OR (
    channel = 'paper' AND posted_on IS NULL AND print_batch_id IS NULL
    AND kind NOT IN ('not_considered', 'grant', 'rejection', 'settlement')));

-- The print queue leaves withheld letters out.
DROP INDEX documents_print_queue;
CREATE INDEX documents_print_queue ON documents (seq)
  WHERE channel = 'paper' AND posted_on IS NULL AND withheld_at IS NULL;

-- As 0014, and a withheld letter is as final as a posted one: it is withheld once, while it
-- waits, and nothing of it changes after.
CREATE OR REPLACE FUNCTION documents_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  waiting_for_post boolean := OLD.channel = 'paper' AND OLD.posted_on IS NULL
    AND OLD.sha256 IS NULL AND OLD.withheld_at IS NULL;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'documents are immutable: % cannot be deleted', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.sha256 IS NOT NULL
     OR NEW.id IS DISTINCT FROM OLD.id
     OR NEW.application_id IS DISTINCT FROM OLD.application_id
     OR NEW.history_id IS DISTINCT FROM OLD.history_id
     OR NEW.kind IS DISTINCT FROM OLD.kind
     OR NEW.template_key IS DISTINCT FROM OLD.template_key
     OR NEW.definition_key IS DISTINCT FROM OLD.definition_key
     OR NEW.definition_version IS DISTINCT FROM OLD.definition_version
     OR NEW.language IS DISTINCT FROM OLD.language
     OR NEW.reference IS DISTINCT FROM OLD.reference
     OR NEW.channel IS DISTINCT FROM OLD.channel
     OR NEW.created_at IS DISTINCT FROM OLD.created_at
     OR (NOT waiting_for_post AND (
          NEW.subject IS DISTINCT FROM OLD.subject
       OR NEW.content IS DISTINCT FROM OLD.content
       OR NEW.sent_on IS DISTINCT FROM OLD.sent_on
       OR NEW.objection_deadline IS DISTINCT FROM OLD.objection_deadline
       OR NEW.print_batch_id IS DISTINCT FROM OLD.print_batch_id
       OR NEW.posted_on IS DISTINCT FROM OLD.posted_on
       OR NEW.withheld_at IS DISTINCT FROM OLD.withheld_at
       OR NEW.withheld_by IS DISTINCT FROM OLD.withheld_by
       OR NEW.withheld_reason IS DISTINCT FROM OLD.withheld_reason)) THEN
    RAISE EXCEPTION 'documents are immutable: % was already issued', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
