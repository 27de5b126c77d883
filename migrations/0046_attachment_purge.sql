-- A file taken out of the form, or left out of the answer it was uploaded for, no longer counts
-- towards the quota (attachments.held.ts), so uploading and removing again could grow the
-- database without end. The retention job now empties such a file once it has been out for
-- RETENTION_REMOVED_FILES_DAYS (src/retention/removed-files.ts): its bytes go, the row stays
-- (name, size, checksum, who and when) with the moment in purged_at. A purged file is never
-- served, listed or counted, and can no longer be named by the form or an answer.
ALTER TABLE attachments ALTER COLUMN content DROP NOT NULL;
ALTER TABLE attachments ADD COLUMN IF NOT EXISTS purged_at timestamptz;
ALTER TABLE attachments
  ADD CONSTRAINT attachments_content_or_purged CHECK ((content IS NULL) = (purged_at IS NOT NULL));

COMMENT ON COLUMN attachments.purged_at IS 'When the retention job deleted the contents of this file, which the application no longer held (content is then NULL); NULL while the file is stored.';

-- The job looks only at files of a form field or an answer (a file of the application page is
-- always the application's) that are still stored.
CREATE INDEX IF NOT EXISTS attachments_purge_candidates_idx ON attachments (created_at)
  WHERE purged_at IS NULL AND (field IS NOT NULL OR event IS NOT NULL);
