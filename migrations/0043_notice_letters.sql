-- A resident who gets her letters by post (no e-mail, or paper chosen) received nothing for a step
-- that only mails the applicant (an advance paid, a withdrawal confirmed): the mail was left out
-- and no letter was issued. Such a notice now becomes a paper letter of its own, of kind 'notice',
-- with the mail's text.
ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN ('acknowledgement',
  'supplement_request', 'not_considered', 'grant', 'rejection', 'settlement', 'extension',
  'notice'));
