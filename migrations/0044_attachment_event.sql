-- A file uploaded in the answer form (to a request for information) goes with that answer: the
-- upload names the event and its payload's attachments field (`field` then names that payload
-- field, not one of the form). Such a file is the application's once a recorded event of that
-- type names it; until the answer is sent it is not (attachments.held.ts).
ALTER TABLE attachments ADD COLUMN IF NOT EXISTS event text;

COMMENT ON COLUMN attachments.event IS 'The event whose payload the file was uploaded for (field: its payload field); null for a file of the form (field: the form''s field) or of the application page (field null).';

-- Files uploaded before 0042 have no field, so taking them out of the form did not hide them and
-- they kept counting towards the quota. Where the application's form still names such a file in
-- an attachments field of its definition, the file was uploaded for that field: it gets the field,
-- so taking it out from now on works as for a new upload. A file the form no longer names cannot
-- be told apart from a file of the application page (a supplement, report photos, the general
-- files page of a form without an attachments field): it keeps NULL and stays the application's.
UPDATE attachments f
   SET field = k.key
  FROM applications a
  JOIN workflow_definitions wd
    ON wd.key = a.definition_key AND wd.version = a.definition_version,
       LATERAL jsonb_each(a.data) k
 WHERE f.application_id = a.id
   AND f.field IS NULL
   AND f.event IS NULL
   AND jsonb_typeof(k.value) = 'array'
   AND k.value ? f.id::text
   AND EXISTS (
     SELECT 1
       FROM jsonb_array_elements(coalesce(wd.definition::jsonb -> 'form' -> 'fields', '[]'::jsonb)) d
      WHERE d ->> 'key' = k.key AND d ->> 'type' = 'attachments'
   );
