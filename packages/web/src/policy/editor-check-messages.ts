/**
 * Texts of the editor's own checks (a question without words in the officer's language, a
 * transition to a removed status, removing a status that steps go to), merged into
 * useEditorText() through editor-more-messages.ts. Dutch is the source.
 */
export const checkNl = {
  'form.fieldUntitled': 'Vraag {n} (nog zonder Nederlandse tekst)',
  'form.untitled': 'nr. {n} (nog zonder Nederlandse tekst)',
  'list.fieldUntitled': 'Vraag {n} in de lijst (nog zonder Nederlandse tekst)',
  'tr.missingTarget': '(status bestaat niet meer)',
  'tr.missingTargetError':
    'De status waar deze overgang heen ging, bestaat niet meer. Kies een andere status.',
  'states.removeQuestion':
    'Status {state} verwijderen? Deze overgangen gaan naar deze status: {steps}. Daarna wijzen ze naar een status die niet meer bestaat; kies daar een andere status.',
  'states.removeQuestionNone': 'Status {state} verwijderen? Geen overgang gaat naar deze status.',
};

export const checkEn: Record<keyof typeof checkNl, string> = {
  'form.fieldUntitled': 'Question {n} (no text yet)',
  'form.untitled': 'no. {n} (no text yet)',
  'list.fieldUntitled': 'Question {n} of the list (no text yet)',
  'tr.missingTarget': '(status no longer exists)',
  'tr.missingTargetError':
    'The status this transition went to no longer exists. Choose another status.',
  'states.removeQuestion':
    'Remove status {state}? These transitions go to this status: {steps}. Afterwards they point to a status that no longer exists; choose another status there.',
  'states.removeQuestionNone': 'Remove status {state}? No transition goes to this status.',
};
