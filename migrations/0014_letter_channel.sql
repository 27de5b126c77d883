-- A channel per resident (Awb 2:14) and the print queue for letters that go by post.
-- See packages/api/src/messaging/README.md ("Channels") and src/print/.

-- How a resident receives letters. 'email' only takes effect with an address; a resident who
-- applied online with an e-mail address has made known they can be reached that way (2:14 lid 1),
-- a resident filed at the desk without one gets paper, and either can choose again (profile, desk).
ALTER TABLE users ADD COLUMN letter_channel text NOT NULL DEFAULT 'email'
  CHECK (letter_channel IN ('email', 'paper'));
UPDATE users SET letter_channel = 'paper' WHERE email IS NULL;

-- A resident registered without an address has made nothing known: paper, also when an
-- address is added later, until someone chooses e-mail.
CREATE FUNCTION users_letter_channel_default() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.email IS NULL THEN
    NEW.letter_channel := 'paper';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER users_letter_channel_default
  BEFORE INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION users_letter_channel_default();

-- A day's print run: staff download it as one PDF and mark it posted. The letters in it carry
-- its posting date as their date, and their objection period runs from it (Awb 3:41, 6:8).
CREATE TABLE print_batches (
  id uuid PRIMARY KEY,
  posting_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id),
  posted_at timestamptz,
  posted_by uuid REFERENCES users (id),
  CHECK ((status = 'posted') = (posted_at IS NOT NULL))
);
-- One open batch per posting day: letters that arrive later that day join it.
CREATE UNIQUE INDEX print_batches_open_day ON print_batches (posting_date) WHERE status = 'open';

ALTER TABLE documents
  ADD COLUMN channel text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'paper')),
  ADD COLUMN print_batch_id uuid REFERENCES print_batches (id),
  ADD COLUMN posted_on date,
  ADD CHECK (channel = 'paper' OR (print_batch_id IS NULL AND posted_on IS NULL));

-- Paper letters waiting for the post, oldest first.
CREATE INDEX documents_print_queue ON documents (seq) WHERE channel = 'paper' AND posted_on IS NULL;

-- An issued letter never changes, with one exception: a paper letter that has not been posted
-- yet takes its date (and objection deadline) from the batch it is printed in, and may move to
-- a later batch. Once posted, or once its PDF is set, nothing changes.
CREATE OR REPLACE FUNCTION documents_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  waiting_for_post boolean := OLD.channel = 'paper' AND OLD.posted_on IS NULL AND OLD.sha256 IS NULL;
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
       OR NEW.posted_on IS DISTINCT FROM OLD.posted_on)) THEN
    RAISE EXCEPTION 'documents are immutable: % was already issued', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
