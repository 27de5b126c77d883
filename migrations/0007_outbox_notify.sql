-- Wake the outbox workers the moment a command commits a letter or a mail, instead of at their
-- next poll. NOTIFY is transactional (delivered on commit, nothing on rollback) and PostgreSQL
-- folds repeated notifications of one transaction into one. Also when staff put a failed
-- message back in the queue. A notification is only a hint: the workers still poll.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox', '');
  RETURN NULL;
END $$;

CREATE TRIGGER outbox_notify_insert AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
