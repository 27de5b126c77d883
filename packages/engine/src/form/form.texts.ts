import type { LocalizedText } from '../core/engine.types';
import { fieldLabel, type PageReader } from '../definition/definition.rules';
import type { FormDefinition, FormField } from '../definition/definition.schema';
import { formatDate, formatMoney } from '../legal-clock/calendar';

type L = LocalizedText;

const both = (nl: string, en: string): L => ({ nl, en });

/** The label of a list item's sub-field: "Begroting, regel 2: Bedrag" / "Budget, line 2: Amount". */
export function itemLabel(list: L, index: number, field?: L): L {
  const line = index + 1;
  return field
    ? both(`${list.nl}, regel ${line}: ${field.nl}`, `${list.en}, line ${line}: ${field.en}`)
    : both(`${list.nl}, regel ${line}`, `${list.en}, line ${line}`);
}

/** Money in both languages: `€ 1.234,56` / `€1,234.56`. */
export function money(cents: number): L {
  return both(formatMoney(cents, 'nl'), formatMoney(cents, 'en'));
}

/** A calendar date in words in both languages: `12 januari 2027` / `12 January 2027`. */
export function dateInWords(date: string): L {
  return both(formatDate(date, 'nl'), formatDate(date, 'en'));
}

/**
 * A number of days as people say it: whole weeks as weeks ("6 weken"), else days ("10 dagen"),
 * so that a rule reads the same in the conditions, on the form and in a refusal.
 */
export function spanInWords(days: number): L {
  if (days % 7 === 0 && days > 0) {
    const weeks = days / 7;
    return weeks === 1 ? both('1 week', '1 week') : both(`${weeks} weken`, `${weeks} weeks`);
  }
  return days === 1 ? both('1 dag', '1 day') : both(`${days} dagen`, `${days} days`);
}

/**
 * Whole sentences for every problem the form rules find, naming the field by its label in the
 * definition; the engine attaches them to its issues as `text`, so the rule exists once.
 */
const noStop = (text: string) => text.trim().replace(/[.!]+$/u, '');
const withStop = (text: string) => `${noStop(text)}.`;

export const formText = {
  required: (l: L) => both(`${l.nl} ontbreekt.`, `${l.en} is missing.`),
  /** A statement to tick ("Ik ben 18 jaar of ouder."): its words are the sentence's end. */
  confirmRequired: (l: L) => both(`Vink aan: ${withStop(l.nl)}`, `Please tick: ${withStop(l.en)}`),
  notConfirm: (l: L) =>
    both(
      `Bij ‘${noStop(l.nl)}’ kan alleen een vinkje staan.`,
      `‘${noStop(l.en)}’ can only be ticked or left empty.`,
    ),
  /** A yes/no question ("Is de activiteit toegankelijk?"): its words are quoted whole. */
  yesNoRequired: (l: L) =>
    both(`Kies Ja of Nee bij ‘${noStop(l.nl)}’.`, `Choose Yes or No for ‘${noStop(l.en)}’.`),
  notYesNo: (l: L) =>
    both(
      `Bij ‘${noStop(l.nl)}’ kan alleen Ja of Nee gekozen worden.`,
      `‘${noStop(l.en)}’ can only be answered Yes or No.`,
    ),
  notText: (l: L) => both(`${l.nl} moet tekst zijn.`, `${l.en} must be text.`),
  minLength: (l: L, n: number) =>
    both(`${l.nl} moet minstens ${n} tekens hebben.`, `${l.en} must be at least ${n} characters.`),
  maxLength: (l: L, n: number) =>
    both(`${l.nl} mag hoogstens ${n} tekens hebben.`, `${l.en} must be at most ${n} characters.`),
  pattern: (l: L) =>
    both(`${l.nl} heeft niet de juiste vorm.`, `${l.en} is not in the right format.`),
  digits: (l: L) =>
    both(
      `${l.nl} mag alleen cijfers bevatten, zonder spaties of punten.`,
      `${l.en} may only contain digits, without spaces or dots.`,
    ),
  option: (l: L) =>
    both(`Kies bij ${l.nl} een van de mogelijkheden.`, `Choose one of the options for ${l.en}.`),
  notWhole: (l: L) => both(`${l.nl} moet een heel getal zijn.`, `${l.en} must be a whole number.`),
  notMoney: (l: L) =>
    both(
      `${l.nl} moet een bedrag in euro's zijn, zoals 125,50.`,
      `${l.en} must be an amount in euros, such as 125.50.`,
    ),
  atLeast: (l: L, n: number) =>
    both(`${l.nl} moet minstens ${n} zijn.`, `${l.en} must be at least ${n}.`),
  atMost: (l: L, n: number) =>
    both(`${l.nl} mag hoogstens ${n} zijn.`, `${l.en} must be at most ${n}.`),
  moneyAtLeast: (l: L, cents: number) => {
    const m = money(cents);
    return both(`${l.nl} moet minstens ${m.nl} zijn.`, `${l.en} must be at least ${m.en}.`);
  },
  moneyAtMost: (l: L, cents: number) => {
    const m = money(cents);
    return both(`${l.nl} mag hoogstens ${m.nl} zijn.`, `${l.en} must be at most ${m.en}.`);
  },
  date: (l: L) =>
    both(
      `${l.nl} moet een bestaande datum zijn, zoals 25 mei 2027.`,
      `${l.en} must be a real date, such as 25 May 2027.`,
    ),
  iban: (l: L) =>
    both(
      `${l.nl} is geen geldig IBAN-nummer; controleer het nummer, zoals NL91 ABNA 0417 1643 00.`,
      `${l.en} is not a valid IBAN; check the number, such as NL91 ABNA 0417 1643 00.`,
    ),
  postcode: (l: L) =>
    both(
      `${l.nl} moet een Nederlandse postcode zijn, zoals 3011 AB.`,
      `${l.en} must be a Dutch postcode, such as 3011 AB.`,
    ),
  notList: (l: L) => both(`${l.nl} moet een lijst zijn.`, `${l.en} must be a list.`),
  minItems: (l: L, n: number) =>
    n === 1
      ? both(`Vul bij ${l.nl} minstens één regel in.`, `${l.en} needs at least one line.`)
      : both(`Vul bij ${l.nl} minstens ${n} regels in.`, `${l.en} needs at least ${n} lines.`),
  maxItems: (l: L, n: number) =>
    both(`${l.nl} mag hoogstens ${n} regels hebben.`, `${l.en} may have at most ${n} lines.`),
  notFiles: (l: L) =>
    both(`${l.nl} moet een lijst van bestanden zijn.`, `${l.en} must be a list of files.`),
  badFile: (l: L) =>
    both(
      `Bij ${l.nl} staat een bestand dat niet (meer) bij deze aanvraag hoort. Voeg het opnieuw toe.`,
      `${l.en} lists a file that is not (or no longer) part of this application. Please add it again.`,
    ),
  minFiles: (l: L, n: number) =>
    n === 1
      ? both(`Voeg bij ${l.nl} minstens één bestand toe.`, `Add at least one file to ${l.en}.`)
      : both(
          `Voeg bij ${l.nl} minstens ${n} bestanden toe.`,
          `Add at least ${n} files to ${l.en}.`,
        ),
  maxFiles: (l: L, n: number) =>
    n === 1
      ? both(`${l.nl} mag hoogstens één bestand hebben.`, `${l.en} may have at most one file.`)
      : both(
          `${l.nl} mag hoogstens ${n} bestanden hebben.`,
          `${l.en} may have at most ${n} files.`,
        ),
  badItem: (l: L) => both(`${l.nl} is niet goed ingevuld.`, `${l.en} is not filled in correctly.`),
  /** A field given while the field it depends on says it does not apply (`x-showWhen`). */
  onlyWhen: (l: L, on: L, values: L) =>
    both(
      `${l.nl} hoort alleen bij ${on.nl}: ${values.nl}. Laat het leeg, of kies bij ${on.nl} ${values.nl}.`,
      `${l.en} only applies when ${on.en} is ${values.en}. Leave it empty, or choose ${values.en} for ${on.en}.`,
    ),
  /** A required field that applies (`x-showWhen`) and was not given. */
  requiredWhen: (l: L, on: L, values: L) =>
    both(
      `${l.nl} ontbreekt; dat is nodig bij ${on.nl}: ${values.nl}.`,
      `${l.en} is missing; it is needed when ${on.en} is ${values.en}.`,
    ),
  /**
   * An answer to a question of the form asked only after certain answers (`showWhen`), while the
   * question it depends on has another: both questions quoted whole, the answers in words.
   */
  onlyAfterAnswer: (l: L, on: L, answers: L) =>
    both(
      `‘${noStop(l.nl)}’ hoort alleen bij het antwoord ${answers.nl} op ‘${noStop(on.nl)}’. Laat het leeg, of kies daar ${answers.nl}.`,
      `‘${noStop(l.en)}’ only applies when the answer to ‘${noStop(on.en)}’ is ${answers.en}. Leave it empty, or choose ${answers.en} there.`,
    ),
  unknownField: (key: string) =>
    both(
      `Het veld ${key} hoort niet bij dit formulier.`,
      `The field ${key} is not part of this form.`,
    ),
  noData: () => both('De gegevens van het formulier ontbreken.', 'The form data is missing.'),
};

/**
 * The label of a dotted data path (`data.budgetLines.1.amountCents`) from the form's own labels,
 * as `reader` reads them (fieldLabel: the applicant her label, anyone else a field's `staffLabel`
 * when it has one); unknown parts fall back to the key, so a text always names something.
 */
export function labelOfPath(
  form: FormDefinition,
  path: string,
  reader: PageReader = 'applicant',
): L {
  const parts = path.split('.');
  if (parts[0] === 'data') parts.shift();
  const [key, index, sub] = parts;
  const field: FormField | undefined = form.fields.find((f) => f.key === key);
  if (!field) return both(key ?? path, key ?? path);
  const label = fieldLabel(field, reader);
  if (field.type !== 'list' || index === undefined) return label;
  const i = Number(index);
  const subField = sub ? field.fields.find((f) => f.key === sub) : undefined;
  return itemLabel(
    label,
    i,
    subField ? fieldLabel(subField, reader) : sub ? both(sub, sub) : undefined,
  );
}
