/**
 * Texts of the team that sends the workflow's letters (the definition's `sender.department`), in
 * the editor's general section; merged into useEditorText() through editor-more-messages.ts.
 * Dutch is the source.
 */
export const senderNl = {
  'general.senderNl': 'Team dat de brieven stuurt (Nederlands)',
  'general.senderEn': 'Team dat de brieven stuurt (Engels)',
  'general.senderHelp':
    'Staat in het briefhoofd onder de naam van de gemeente, en ondertekent de brieven die het systeem zelf stuurt, zoals de herinnering dat een aanvraag nog niet is verstuurd. Eén regel van ten hoogste {max} tekens, zoals ‘Team Buurtbudget’. Laat u beide vakken leeg, dan staat er ‘Team Bewonersinitiatieven’. Brieven die al zijn verstuurd, houden hun afzender.',
  'general.senderEnHelp':
    'Zo staat het team in het briefhoofd van een Engelse brief, zoals ‘Neighbourhood Budget team’.',
  // The property in the list of changes before publishing ("Afzender (team dat de brieven …)").
  'part.sender': 'afzender',
  'part.department': 'team dat de brieven stuurt',
};

export const senderEn: Record<keyof typeof senderNl, string> = {
  'general.senderNl': 'Team that sends the letters (Dutch)',
  'general.senderEn': 'Team that sends the letters (English)',
  'general.senderHelp':
    'Appears in the letterhead under the municipality’s name, and signs the letters the system sends by itself, such as the reminder that an application has not been sent yet. One line of at most {max} characters, such as ‘Team Buurtbudget’. If you leave both boxes empty, it says ‘Team Bewonersinitiatieven’. Letters already sent keep their sender.',
  'general.senderEnHelp':
    'This is how the team appears in the letterhead of an English letter, such as ‘Neighbourhood Budget team’.',
  'part.sender': 'sender',
  'part.department': 'team that sends the letters',
};
