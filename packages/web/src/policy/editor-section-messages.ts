/**
 * The editor's words around a text's conditional parts (the engine's TEMPLATE_CONDITIONS:
 * `{{#online}}…{{/online}}`, `{{#reclaim}}…{{/reclaim}}`), merged into useEditorText() by
 * editor-more-messages.ts; each part's own words are in template-section-words.ts. Dutch is the
 * source.
 */
export const sectionNl = {
  'tpl.sections': 'Delen die niet altijd in de tekst staan ({lang})',
  'tpl.previewOffline': 'Voorbeeld voor een aanvrager die niet kan inloggen ({lang})',
  'tpl.previewForOnline': 'Zo leest een aanvrager die kan inloggen deze tekst.',
  'tpl.previewForOffline': 'Zo leest een aanvrager die niet kan inloggen deze tekst.',
  'tpl.previewVariants':
    'De tekst heeft delen die van de gegevens van de aanvraag afhangen: hieronder staat hij voor elk geval apart.',
  'tpl.previewVariant': '{title} ({lang}): {variant}',
  'tpl.openPdfOf': 'Open de PDF: {variant}',
} as const;

export const sectionEn: Record<keyof typeof sectionNl, string> = {
  'tpl.sections': 'Parts that are not always in the text ({lang})',
  'tpl.previewOffline': 'Preview for an applicant who cannot log in ({lang})',
  'tpl.previewForOnline': 'This is how an applicant who can log in reads this text.',
  'tpl.previewForOffline': 'This is how an applicant who cannot log in reads this text.',
  'tpl.previewVariants':
    'The text has parts that depend on the application’s data: below it is shown for each case separately.',
  'tpl.previewVariant': '{title} ({lang}): {variant}',
  'tpl.openPdfOf': 'Open the PDF: {variant}',
};
