/**
 * Texts of a list question's own questions in the definition editor (the budget's "Omschrijving"
 * and "Bedrag", a supporter's name and age), and of why a question of the form cannot go, merged into useEditorText() through
 * editor-more-messages.ts. Dutch is the source.
 */
export const listNl = {
  'list.title': 'Vragen bij elke regel van {list}',
  'list.intro':
    'Bij elke regel van {list} beantwoordt de aanvrager deze vragen. Een lijst heeft minstens één vraag.',
  'list.field': 'Vraag in de lijst: {label}',
  'list.labelNl': 'Vraag in de lijst (Nederlands)',
  'list.labelEn': 'Vraag in de lijst (Engels)',
  'list.staffLabelNl': 'Vraag in de lijst voor medewerkers (Nederlands)',
  'list.staffLabelEn': 'Vraag in de lijst voor medewerkers (Engels)',
  'list.staffLabelHint':
    'Staat bij het antwoord op elke regel voor medewerkers en voor wie namens de aanvrager invult, zoals ‘Naam van de ondersteuner’ bij ‘Naam’. Leeg: de vraag.',
  'list.helpNl': 'Uitleg bij de vraag in de lijst (Nederlands)',
  'list.helpEn': 'Uitleg bij de vraag in de lijst (Engels)',
  'list.remove': 'Vraag {label} uit de lijst verwijderen',
  'list.lastOne':
    '{label} is de enige vraag van de lijst {list} en kan daarom niet weg. Voeg eerst een andere vraag toe.',
  'list.requestedAmount':
    '{label} kan niet weg: het aangevraagde bedrag is de optelsom van {label} over alle regels van {list}.',
  'list.supportersAge':
    '{label} kan niet weg: de voorwaarde bij indienen telt alleen buurtbewoners van {minAge} jaar of ouder en leest daarvoor {label} op elke regel.',
  'list.supportersPostcode':
    '{label} kan niet weg: de voorwaarde bij indienen telt alleen buurtbewoners die volgens hun postcode in de wijk van de aanvraag wonen, en leest daarvoor {label} op elke regel.',
  'list.newLabel': 'Nieuwe vraag in de lijst {list} (Nederlands)',
  'list.newType': 'Soort invoer van de nieuwe vraag in {list}',
  'list.add': 'Vraag aan {list} toevoegen',
  'list.taken': 'De lijst {list} heeft al een vraag met deze naam. Kies een andere naam.',
  'form.keptRequested':
    '{label} kan niet weg: het aangevraagde bedrag is de optelsom van {field} over alle regels van {label}.',
  'form.keptDate':
    '{label} kan niet weg: de voorwaarde ‘{guard}’ rekent met deze datum, en zonder de vraag kan niemand meer indienen.',
  'form.keptSupporters':
    '{label} kan niet weg: de voorwaarde ‘{guard}’ telt de regels van deze lijst, en zonder de vraag kan niemand meer indienen.',
  'form.keptTitle':
    '{label} kan niet weg: het is de naam van de aanvraag in lijsten, brieven en e-mails.',
};

export const listEn: Record<keyof typeof listNl, string> = {
  'list.title': 'Questions on each row of {list}',
  'list.intro':
    'On each row of {list} the applicant answers these questions. A list has at least one question.',
  'list.field': 'Question in the list: {label}',
  'list.labelNl': 'Question in the list (Dutch)',
  'list.labelEn': 'Question in the list (English)',
  'list.staffLabelNl': 'Question in the list for staff (Dutch)',
  'list.staffLabelEn': 'Question in the list for staff (English)',
  'list.staffLabelHint':
    'Shown with the answer on each row for staff and for whoever fills in for the applicant, such as ‘Name of the supporter’ for ‘Name’. Empty: the question.',
  'list.helpNl': 'Explanation of the question in the list (Dutch)',
  'list.helpEn': 'Explanation of the question in the list (English)',
  'list.remove': 'Remove question {label} from the list',
  'list.lastOne':
    '{label} is the only question of the list {list}, so it cannot be removed. Add another question first.',
  'list.requestedAmount':
    '{label} cannot be removed: the requested amount is the sum of {label} over all rows of {list}.',
  'list.supportersAge':
    '{label} cannot be removed: the condition for submitting only counts residents aged {minAge} or older, and reads {label} on each row for that.',
  'list.supportersPostcode':
    '{label} cannot go: the submit condition counts only residents who live in the application’s district by their postcode, and reads {label} on each row for that.',
  'list.newLabel': 'New question in the list {list} (Dutch)',
  'list.newType': 'Type of answer to the new question in {list}',
  'list.add': 'Add a question to {list}',
  'list.taken': 'The list {list} already has a question with this name. Choose another name.',
  'form.keptRequested':
    '{label} cannot be removed: the requested amount is the sum of {field} over all rows of {label}.',
  'form.keptDate':
    '{label} cannot be removed: the condition ‘{guard}’ counts with this date, and without the question nobody could submit.',
  'form.keptSupporters':
    '{label} cannot be removed: the condition ‘{guard}’ counts the rows of this list, and without the question nobody could submit.',
  'form.keptTitle':
    '{label} cannot be removed: it names the application in lists, letters and mails.',
};
