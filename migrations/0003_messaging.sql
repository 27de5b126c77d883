-- Messaging: issued letters (documents) and the transactional outbox.
--
-- Rows are written in the lifecycle command's transaction by enqueueMessagingEffects; the
-- outbox worker renders and sends after commit. See packages/api/src/messaging/README.md.

-- An issued letter (beschikking / brief). The content (resolved texts and variables) is fixed
-- when the row is written; the PDF is rendered once, from that content, by the outbox worker.
CREATE TABLE documents (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY,   -- issue order (created_at ties within one command)
  application_id uuid NOT NULL REFERENCES applications (id),
  history_id uuid REFERENCES application_history (id),
  kind text NOT NULL CHECK (kind IN ('acknowledgement', 'supplement_request', 'not_considered',
    'grant', 'rejection', 'settlement', 'extension')),
  template_key text NOT NULL,
  definition_key text NOT NULL,
  definition_version integer NOT NULL,
  language text NOT NULL CHECK (language IN ('nl', 'en')),
  reference text NOT NULL,                    -- kenmerk of the application
  subject text NOT NULL,
  content jsonb NOT NULL,                     -- LetterContent: everything the renderers need
  sent_on date NOT NULL,                      -- the letter's date (Europe/Amsterdam)
  objection_deadline date,                    -- last day for objection, decisions only
  pdf bytea,                                  -- NULL until rendered
  sha256 text,
  byte_size integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  rendered_at timestamptz,
  CHECK ((pdf IS NULL) = (sha256 IS NULL))
);

CREATE INDEX documents_application ON documents (application_id, seq);

-- An issued letter never changes: the PDF may be set once (NULL -> bytes) and nothing else.
CREATE FUNCTION documents_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
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
     OR NEW.subject IS DISTINCT FROM OLD.subject
     OR NEW.content IS DISTINCT FROM OLD.content
     OR NEW.sent_on IS DISTINCT FROM OLD.sent_on
     OR NEW.objection_deadline IS DISTINCT FROM OLD.objection_deadline
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'documents are immutable: % was already issued', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER documents_immutable
  BEFORE UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_immutable();

-- The transactional outbox: one row per job. 'render' renders a document to PDF, 'mail' sends
-- one message. A mail with a document_id waits until that document has its PDF.
CREATE TABLE outbox (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('mail', 'render')),
  application_id uuid REFERENCES applications (id),
  history_id uuid REFERENCES application_history (id),
  document_id uuid REFERENCES documents (id),
  -- mail only
  message_id text UNIQUE,                     -- stable Message-ID, fixed before the first attempt
  recipient_email text,                       -- NULL for a staff notice: the configured staff mailbox
  recipient_name text,
  audience text CHECK (audience IN ('applicant', 'staff')),
  language text CHECK (language IN ('nl', 'en')),
  template_key text,
  subject text,
  body text,                                  -- resolved plain-text body (paragraphs split by a blank line)
  variables jsonb,                            -- the resolved template variables, as sent
  -- delivery state
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,                   -- lease of the worker that claimed it
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz,
  CHECK (kind <> 'mail' OR (message_id IS NOT NULL AND subject IS NOT NULL AND body IS NOT NULL
    AND (recipient_email IS NOT NULL OR audience = 'staff'))),
  CHECK (kind <> 'render' OR document_id IS NOT NULL)
);

-- The worker's claim query: due rows that are pending, or processing with an expired lease.
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('pending', 'processing');
CREATE INDEX outbox_failed ON outbox (updated_at) WHERE status = 'failed';
CREATE INDEX outbox_application ON outbox (application_id);
CREATE INDEX outbox_document ON outbox (document_id);
