/**
 * The editor's words for each section a letter's or mail's text may have, one set per name in the
 * engine's TEMPLATE_CONDITIONS (`{{#online}}`, `{{#reclaim}}`, …): the choice and button that put
 * selected sentences in such a section, the hint that says when its text is shown, and the names
 * of the preview's variants. A section this file has no words of yet is named by the engine's own
 * names (TEMPLATE_CONDITION_NAMES), so every section gets a button. Dutch is the source.
 */
import {
  TEMPLATE_CONDITION_NAMES,
  TEMPLATE_CONDITIONS,
  type TemplateCondition,
  valueConditions,
} from '@initiatief/engine';

type Lang = 'nl' | 'en';

export interface SectionWords {
  /** The choice between the two ways, with `{lang}` for the text box's language. */
  label: string;
  /** The choice's options: the section shown only if the condition holds, or only if not. */
  shown: string;
  hidden: string;
  /** The button that puts the selection in the section, with `{lang}`. */
  button: string;
  /** When the section's text is shown, and what belongs in it. */
  hint: string;
  /** The preview's two samples: with the condition, and without it. */
  withIt: string;
  withoutIt: string;
}

const OWN: Partial<Record<TemplateCondition, Record<Lang, SectionWords>>> = {
  online: {
    nl: {
      // Not "… tekst (Nederlands)": the text box's own label is that.
      label: 'Voorwaarde voor een deel ({lang})',
      shown: 'Alleen als de aanvrager kan inloggen',
      hidden: 'Alleen als de aanvrager niet kan inloggen',
      button: 'Geselecteerde tekst zo beperken ({lang})',
      hint: 'Niet iedereen kan inloggen: een bewoner die aan de balie is ingeschreven zonder e-mailadres heeft niets aan een link. Selecteer de zinnen met een link en beperk ze tot wie kan inloggen; schrijf voor de anderen wat zij kunnen doen (bellen, schrijven, langskomen). In de tekst staat zo’n deel tussen {{#online}} en {{/online}}, of tussen {{^online}} en {{/online}}.',
      withIt: 'Aanvrager kan inloggen',
      withoutIt: 'Aanvrager kan niet inloggen',
    },
    en: {
      label: 'Condition for a part ({lang})',
      shown: 'Only if the applicant can log in',
      hidden: 'Only if the applicant cannot log in',
      button: 'Limit the selected text this way ({lang})',
      hint: 'Not everyone can log in: a resident registered at the desk without an e-mail address has no use for a link. Select the sentences with a link and limit them to those who can log in; tell the others what they can do (call, write, come by). In the text such a part stands between {{#online}} and {{/online}}, or between {{^online}} and {{/online}}.',
      withIt: 'Applicant can log in',
      withoutIt: 'Applicant cannot log in',
    },
  },
  reclaim: {
    nl: {
      label: 'Deel over terugbetaling ({lang})',
      shown: 'Alleen als de aanvrager geld moet terugbetalen',
      hidden: 'Alleen als de aanvrager niets hoeft terug te betalen',
      button: 'Deel over terugbetaling invoegen ({lang})',
      hint: 'Een deel “alleen als de aanvrager geld moet terugbetalen” staat alleen in de brief als het besluit om terugbetaling vraagt: het vastgestelde bedrag is lager dan de betaalde voorschotten, en er is een uiterste betaaldatum. Zet daar het betaalverzoek in: het bedrag, het rekeningnummer, de uiterste datum en het kenmerk. Een deel “alleen als de aanvrager niets hoeft terug te betalen” staat er alleen in als er niets terug hoeft. Geselecteerde zinnen komen in het deel; zonder selectie komt er een leeg deel om in te schrijven. In de tekst staat zo’n deel tussen {{#reclaim}} en {{/reclaim}}, of tussen {{^reclaim}} en {{/reclaim}}.',
      withIt: 'Met terugbetaling',
      withoutIt: 'Zonder terugbetaling',
    },
    en: {
      label: 'Part about paying back ({lang})',
      shown: 'Only if the applicant has to pay money back',
      hidden: 'Only if the applicant has nothing to pay back',
      button: 'Insert a part about paying back ({lang})',
      hint: 'A part “only if the applicant has to pay money back” is in the letter only when the decision asks for money back: the settled amount is below the advances paid, and there is a last day to pay. Put the payment request in it: the amount, the bank account, the last day and the reference. A part “only if the applicant has nothing to pay back” is in it only when nothing is to be paid back. Selected sentences go into the part; with nothing selected, an empty part is inserted to write in. In the text such a part stands between {{#reclaim}} and {{/reclaim}}, or between {{^reclaim}} and {{/reclaim}}.',
      withIt: 'With repayment',
      withoutIt: 'Without repayment',
    },
  },
  advance: {
    nl: {
      label: 'Deel over een voorschot ({lang})',
      shown: 'Alleen als er een voorschot is',
      hidden: 'Alleen als er geen voorschot is',
      button: 'Deel over een voorschot invoegen ({lang})',
      hint: 'Een deel “alleen als er een voorschot is” staat alleen in de brief als er voor de aanvraag een voorschot is betaald of vastgelegd. Zet daar het voorschot in: het bedrag, de rekening van de aanvrager en wanneer het wordt betaald. Een deel “alleen als er geen voorschot is” staat er alleen in als er geen voorschot is: zeg daar wanneer de subsidie dan wel wordt betaald. Geselecteerde zinnen komen in het deel; zonder selectie komt er een leeg deel om in te schrijven. In de tekst staat zo’n deel tussen {{#advance}} en {{/advance}}, of tussen {{^advance}} en {{/advance}}.',
      withIt: 'Met voorschot',
      withoutIt: 'Zonder voorschot',
    },
    en: {
      label: 'Part about an advance ({lang})',
      shown: 'Only if there is an advance',
      hidden: 'Only if there is no advance',
      button: 'Insert a part about an advance ({lang})',
      hint: 'A part “only if there is an advance” is in the letter only when an advance has been paid or set for the application. Put the advance in it: the amount, the applicant’s account and when it is paid. A part “only if there is no advance” is in it only when there is none: say there when the grant is paid instead. Selected sentences go into the part; with nothing selected, an empty part is inserted to write in. In the text such a part stands between {{#advance}} and {{/advance}}, or between {{^advance}} and {{/advance}}.',
      withIt: 'With an advance',
      withoutIt: 'Without an advance',
    },
  },
};

const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** Words built from the engine's names of a section ("alleen als de aanvrager …"). */
function fromEngine(name: TemplateCondition, lang: Lang): SectionWords {
  const { shown, hidden } = TEMPLATE_CONDITION_NAMES[name];
  const markers = `{{#${name}}} … {{/${name}}}`;
  return lang === 'nl'
    ? {
        label: `Deel ${shown.nl} ({lang})`,
        shown: capital(shown.nl),
        hidden: capital(hidden.nl),
        button: `Deel ${shown.nl} invoegen ({lang})`,
        hint: `Wat u in dit deel schrijft, komt in de tekst ${shown.nl} (met de andere keuze: ${hidden.nl}). Geselecteerde zinnen komen in het deel; zonder selectie komt er een leeg deel om in te schrijven. In de tekst staat zo’n deel als ${markers}.`,
        withIt: capital(shown.nl),
        withoutIt: capital(hidden.nl),
      }
    : {
        label: `Part ${shown.en} ({lang})`,
        shown: capital(shown.en),
        hidden: capital(hidden.en),
        button: `Insert a part ${shown.en} ({lang})`,
        hint: `What you write in this part appears in the text ${shown.en} (with the other choice: ${hidden.en}). Selected sentences go into the part; with nothing selected, an empty part is inserted to write in. In the text such a part stands as ${markers}.`,
        withIt: capital(shown.en),
        withoutIt: capital(hidden.en),
      };
}

/** A section's words in `lang`; `{lang}` in them is left for the caller. */
export function sectionWords(name: TemplateCondition, lang: Lang): SectionWords {
  return OWN[name]?.[lang] ?? fromEngine(name, lang);
}

/** Every section a text may have, in the engine's order. */
export const SECTION_NAMES: readonly TemplateCondition[] = TEMPLATE_CONDITIONS;

/**
 * The sections that follow from a letter's own values (the engine's valueConditions: a reclaim,
 * an advance),
 * not from its reader: a preview shows a text that has one both ways.
 */
export const VALUE_SECTION_NAMES: readonly TemplateCondition[] = TEMPLATE_CONDITIONS.filter(
  (name) => Object.hasOwn(valueConditions({}), name),
);

/** The value sections `text` has (opened with `{{#name}}` or `{{^name}}`), in the engine's order. */
export function valueSectionsIn(text: string): TemplateCondition[] {
  return VALUE_SECTION_NAMES.filter((name) => new RegExp(`\\{\\{[#^]${name}\\}\\}`).test(text));
}
