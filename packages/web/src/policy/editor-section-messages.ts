/**
 * The editor's words for a text's conditional parts (the engine's TEMPLATE_CONDITIONS:
 * `{{#online}}…{{/online}}`), merged into useEditorText() by editor-more-messages.ts. Dutch is
 * the source.
 */
export const sectionNl = {
  // Not "… tekst (Nederlands)": the text box's own label is that.
  'tpl.section': 'Voorwaarde voor een deel ({lang})',
  'tpl.section.shown': 'Alleen als de aanvrager kan inloggen',
  'tpl.section.hidden': 'Alleen als de aanvrager niet kan inloggen',
  'tpl.sectionButton': 'Geselecteerde tekst zo beperken ({lang})',
  'tpl.sectionHint':
    'Niet iedereen kan inloggen: een bewoner die aan de balie is ingeschreven zonder e-mailadres heeft niets aan een link. Selecteer de zinnen met een link en beperk ze tot wie kan inloggen; schrijf voor de anderen wat zij kunnen doen (bellen, schrijven, langskomen). In de tekst staat zo’n deel tussen {{#online}} en {{/online}}, of tussen {{^online}} en {{/online}}.',
  'tpl.previewOffline': 'Voorbeeld voor een aanvrager die niet kan inloggen ({lang})',
  'tpl.previewForOnline': 'Zo leest een aanvrager die kan inloggen deze tekst.',
  'tpl.previewForOffline': 'Zo leest een aanvrager die niet kan inloggen deze tekst.',
} as const;

export const sectionEn: Record<keyof typeof sectionNl, string> = {
  'tpl.section': 'Condition for a part ({lang})',
  'tpl.section.shown': 'Only if the applicant can log in',
  'tpl.section.hidden': 'Only if the applicant cannot log in',
  'tpl.sectionButton': 'Limit the selected text this way ({lang})',
  'tpl.sectionHint':
    'Not everyone can log in: a resident registered at the desk without an e-mail address has no use for a link. Select the sentences with a link and limit them to those who can log in; tell the others what they can do (call, write, come by). In the text such a part stands between {{#online}} and {{/online}}, or between {{^online}} and {{/online}}.',
  'tpl.previewOffline': 'Preview for an applicant who cannot log in ({lang})',
  'tpl.previewForOnline': 'This is how an applicant who can log in reads this text.',
  'tpl.previewForOffline': 'This is how an applicant who cannot log in reads this text.',
};
