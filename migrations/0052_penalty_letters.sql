-- The decision that sets the penalty of a notice of default (Awb 4:18) is a letter of its own,
-- issued by the shell for every workflow: kind 'penalty', with the objection clause of a decision.
ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN ('acknowledgement',
  'supplement_request', 'not_considered', 'grant', 'rejection', 'settlement', 'extension',
  'notice', 'penalty'));
