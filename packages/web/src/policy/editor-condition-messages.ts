/**
 * Texts of a step field's condition in the definition editor ("Voorgesteld bedrag alleen vragen
 * bij het advies Verlenen", `x-showWhen`), merged into useEditorText() through
 * editor-more-messages.ts. Dutch is the source.
 */
export const conditionNl = {
  'cond.title': 'Wanneer wordt {field} gevraagd?',
  'cond.help':
    'Bijvoorbeeld een voorgesteld bedrag alleen bij het advies Verlenen. Wie de stap zet, ziet {field} alleen bij de keuzes die u aanvinkt; bij een andere keuze wordt het niet gevraagd en niet bewaard.',
  'cond.field': 'Alleen vragen als dit veld een bepaalde keuze heeft',
  'cond.always': 'Altijd vragen',
  'cond.fieldGone': '{field} (geen keuzeveld van deze stap)',
  'cond.values': 'Bij welke keuzes van {field}?',
  'cond.valueGone': '{value} (geen keuze van {field})',
  'cond.says': '{field} wordt alleen gevraagd als {on} {values} is.',
  'cond.remove': 'Altijd vragen: voorwaarde bij {field} weghalen',
  'cond.required': 'Verplicht als het gevraagd wordt',
  'part.x-showWhen': 'alleen gevraagd als',
};

export const conditionEn: Record<keyof typeof conditionNl, string> = {
  'cond.title': 'When is {field} asked?',
  'cond.help':
    'For example a proposed amount only with the advice Grant. Whoever takes the step sees {field} only with the choices you tick; with another choice it is not asked and not kept.',
  'cond.field': 'Only ask when this field has certain choices',
  'cond.always': 'Always ask',
  'cond.fieldGone': '{field} (not a choice field of this step)',
  'cond.values': 'For which choices of {field}?',
  'cond.valueGone': '{value} (not a choice of {field})',
  'cond.says': '{field} is only asked when {on} is {values}.',
  'cond.remove': 'Always ask: remove the condition of {field}',
  'cond.required': 'Required when asked',
  'part.x-showWhen': 'only asked when',
};
