-- An upload for one of the form's attachments fields names that field. A file the person took
-- out of the field again (or that never reached the form's data) is then known to be no
-- attachment of the application any more, unlike a file sent with an answer or a report, which
-- names no field. Files from before this column keep NULL and count as the application's.
ALTER TABLE attachments ADD COLUMN field text;
