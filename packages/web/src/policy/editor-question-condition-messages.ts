/**
 * Texts of a form question's condition in the definition editor ("Alleen vragen als het antwoord
 * op een eerdere vraag Ja is", `showWhen`), merged into useEditorText() through
 * editor-more-messages.ts. Dutch is the source.
 */
export const questionConditionNl = {
  'qcond.title': 'Wanneer wordt {field} gevraagd?',
  'qcond.help':
    'Bijvoorbeeld ‘Voor welk jaar en welk bedrag?’ alleen na Ja op ‘Heeft u eerder subsidie gekregen voor dit initiatief?’. De aanvrager ziet {field} alleen bij de antwoorden die u aanvinkt; bij een ander antwoord wordt de vraag niet gesteld en een antwoord gewist.',
  'qcond.field': 'Alleen vragen als een eerdere vraag een bepaald antwoord heeft',
  'qcond.always': 'Altijd vragen',
  'qcond.fieldGone': '{field} (geen eerdere ja/nee-vraag of keuzelijst)',
  'qcond.values': 'Bij welke antwoorden op {field}?',
  'qcond.valueGone': '{value} (geen antwoord van {field})',
  'qcond.says': '{field} wordt alleen gevraagd als het antwoord op {on} {values} is.',
  'qcond.remove': 'Altijd vragen: voorwaarde bij {field} weghalen',
};

export const questionConditionEn: Record<keyof typeof questionConditionNl, string> = {
  'qcond.title': 'When is {field} asked?',
  'qcond.help':
    'For example ‘For which year and what amount?’ only after Yes to ‘Have you had a subsidy for this initiative before?’. The applicant sees {field} only with the answers you tick; with another answer the question is not asked and an answer is cleared.',
  'qcond.field': 'Only ask when an earlier question has a certain answer',
  'qcond.always': 'Always ask',
  'qcond.fieldGone': '{field} (not an earlier yes/no question or choice list)',
  'qcond.values': 'With which answers to {field}?',
  'qcond.valueGone': '{value} (not an answer of {field})',
  'qcond.says': '{field} is only asked when the answer to {on} is {values}.',
  'qcond.remove': 'Always ask: remove the condition of {field}',
};
