-- The form's data is kept once, in applications.data. The snapshot's context held a second copy
-- (0.8 kB of a 3 kB row), so every command wrote, logged and read it twice. The shell now takes
-- it out before writing a snapshot and puts it back after reading one
-- (applications.repository.ts: storedSnapshot, withFormData); this removes the copies already
-- stored. Both copies were written by the same statement, so they are equal.
UPDATE applications
   SET snapshot = snapshot #- '{context,data}'
 WHERE snapshot -> 'context' ? 'data';

COMMENT ON COLUMN applications.snapshot IS
  'The engine''s persisted snapshot without context.data: the form data is the data column.';
