/**
 * Texts of a choice list's choices in the definition editor (a question of the form or of a
 * list), merged into useEditorText() through editor-more-messages.ts. Dutch is the source.
 */
export const choiceNl = {
  'choices.title': 'Keuzes bij {question}',
  'choices.intro':
    'De aanvrager kiest één van deze keuzes, in deze volgorde. Geef elke keuze woorden in het Nederlands en in het Engels.',
  'choices.nl': 'Keuze {n} (Nederlands)',
  'choices.en': 'Keuze {n} (Engels)',
  'choices.unnamed': 'Keuze {n}',
  'choices.remove': 'Keuze {choice} verwijderen',
  'choices.lastOne':
    '{choice} is de enige keuze van {question} en kan daarom niet weg. Voeg eerst een andere keuze toe.',
  'choices.none': '{question} heeft nog geen keuzes. Voeg er minstens één toe.',
  'choices.new': 'Nieuwe keuze bij {question} (Nederlands)',
  'choices.add': 'Keuze toevoegen aan {question}',
  'choices.taken': '{question} heeft al een keuze met deze woorden. Kies andere woorden.',
  'choices.stray': 'De woorden ‘{words}’ horen bij geen keuze van {question}.',
  'choices.removeStray': 'Woorden ‘{words}’ weghalen',
};

export const choiceEn: Record<keyof typeof choiceNl, string> = {
  'choices.title': 'Choices for {question}',
  'choices.intro':
    'The applicant picks one of these choices, in this order. Give each choice its words in Dutch and in English.',
  'choices.nl': 'Choice {n} (Dutch)',
  'choices.en': 'Choice {n} (English)',
  'choices.unnamed': 'Choice {n}',
  'choices.remove': 'Remove choice {choice}',
  'choices.lastOne':
    '{choice} is the only choice of {question}, so it cannot be removed. Add another choice first.',
  'choices.none': '{question} has no choices yet. Add at least one.',
  'choices.new': 'New choice for {question} (Dutch)',
  'choices.add': 'Add a choice to {question}',
  'choices.taken': '{question} already has a choice with these words. Choose other words.',
  'choices.stray': 'The words ‘{words}’ belong to no choice of {question}.',
  'choices.removeStray': 'Remove the words ‘{words}’',
};
