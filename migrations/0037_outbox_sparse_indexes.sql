-- Every outbox row wrote an entry into the message-id and document indexes, also when it has no
-- value there: a render job has no Message-ID, a notice to staff no letter. NULLs never conflict
-- and are never looked up (the foreign key's check asks for one document id), so both indexes
-- now hold only the rows that have a value. That is two index entries fewer for each letter a
-- step issues with its mails, at the step and again at each delivery (a status change is not a
-- HOT update).
ALTER TABLE outbox DROP CONSTRAINT outbox_message_id_key;
CREATE UNIQUE INDEX outbox_message_id_key ON outbox (message_id) WHERE message_id IS NOT NULL;

DROP INDEX outbox_document;
CREATE INDEX outbox_document ON outbox (document_id) WHERE document_id IS NOT NULL;

-- A mail's row keeps the subject and body as sent; the values they were made from are in the
-- letter it carries (documents.content) and in the history. New rows no longer copy them.
COMMENT ON COLUMN outbox.variables IS
  'Values a text was made from, for rows written before migration 0037 and a few system mails; NULL for a step''s mails, whose subject and body are the record.';
