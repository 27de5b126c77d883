/**
 * Texts of a step field that is for staff only (`x-audience: 'staff'`: the applicant does not read
 * it back in the history), merged into useEditorText() through editor-more-messages.ts. Dutch is
 * the source.
 */
export const audienceNl = {
  'payload.staffOnly': 'Alleen voor medewerkers (de aanvrager ziet dit niet in de geschiedenis)',
  'payload.audience.staff': 'alleen voor medewerkers',
  'part.x-audience': 'in de geschiedenis',
};

export const audienceEn: Record<keyof typeof audienceNl, string> = {
  'payload.staffOnly': 'Staff only (the applicant does not see this in the history)',
  'payload.audience.staff': 'staff only',
  'part.x-audience': 'in the history',
};
