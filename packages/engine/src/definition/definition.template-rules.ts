/**
 * The templates' checks: every mail and letter an action sends exists, no body is empty, and
 * every placeholder is a known variable written as {{name}}; a malformed one gets a sentence
 * that says which text and how to write it.
 */
import type { LocalizedText } from '../core/engine.types';
import { placeholdersInWords } from '../templates/template-names';
import {
  malformedPlaceholders,
  type SectionProblem,
  sectionProblems,
  TEMPLATE_VARIABLES,
  templatePlaceholders,
} from '../templates/templates';
import type { WorkflowDefinition } from './definition.schema';

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;

const KNOWN_VARIABLES = new Set<string>(TEMPLATE_VARIABLES);

/**
 * Templates: referenced ones must exist; placeholders must be known variables. `usedMails` and
 * `usedLetters` map each template the actions send to the path of the first action that does.
 */
export function checkTemplates(
  def: WorkflowDefinition,
  usedMails: ReadonlyMap<string, string>,
  usedLetters: ReadonlyMap<string, string>,
  add: Add,
): void {
  for (const [key, path] of usedMails) {
    if (!def.templates.mails[key])
      add(`${path}.params.template`, 'missing_template', `no mail template ${key}`);
  }
  for (const [key, path] of usedLetters) {
    if (!def.templates.letters[key])
      add(`${path}.params.template`, 'missing_template', `no letter template ${key}`);
  }
  for (const group of ['letters', 'mails'] as const) {
    for (const [key, pair] of Object.entries(def.templates[group])) {
      for (const locale of ['nl', 'en'] as const) {
        for (const part of ['subject', 'body'] as const) {
          const path = `templates.${group}.${key}.${locale}.${part}`;
          if (part === 'body' && pair[locale].body.trim() === '')
            add(path, 'empty_template', 'the body is empty');
          for (const name of templatePlaceholders(pair[locale][part])) {
            if (!KNOWN_VARIABLES.has(name))
              add(path, 'unknown_variable', `unknown template variable {{${name}}}`);
          }
          for (const piece of malformedPlaceholders(pair[locale][part])) {
            add(
              path,
              'malformed_placeholder',
              `${group === 'letters' ? 'letter' : 'mail'} ${key} (${locale} ${part}): ${piece} is not a placeholder; write {{name}}`,
              malformedText(group, pair, locale, part, piece),
            );
          }
          for (const problem of sectionProblems(pair[locale][part])) {
            add(
              path,
              problem.code,
              `${group === 'letters' ? 'letter' : 'mail'} ${key} (${locale} ${part}): ${SECTION_DETAIL[problem.code]} ${problem.piece}`,
              sectionText(group, pair, locale, part, problem),
            );
          }
        }
      }
    }
  }
}

type TemplatePair = WorkflowDefinition['templates']['mails'][string];

/**
 * A mail or letter as policy staff know it, between `quotes`: by its subject in the reader's
 * language with its placeholders in words (‘Wij hebben uw aanvraag ontvangen («kenmerk»)’). A
 * Dutch reader never reads the English subject: without a Dutch one the text is "zonder
 * Nederlands onderwerp"; an English reader gets the Dutch one (Dutch comes first), and without
 * either "without a subject", never the template's key.
 */
export function templateTitle(
  pair: TemplatePair,
  reader: 'nl' | 'en',
  quotes: readonly [string, string] = ['‘', '’'],
): string {
  const words = pair[reader].subject.trim() || (reader === 'en' ? pair.nl.subject.trim() : '');
  if (words) return `${quotes[0]}${placeholdersInWords(words, reader)}${quotes[1]}`;
  return reader === 'nl' ? 'zonder Nederlands onderwerp' : 'without a subject';
}

/** 'De mail “Wij hebben uw aanvraag ontvangen («kenmerk»)” (tekst, Nederlands) bevat …'. */
const QUOTES = ['“', '”'] as const;

const SECTION_DETAIL: Record<SectionProblem['code'], string> = {
  unknown_condition: 'no such condition',
  unclosed_section: 'section not closed',
  unopened_section: 'end of a section never opened',
  nested_section: 'section inside another',
  empty_section: 'section with nothing in it',
};

/** Where a text is, in both languages, as malformedText and sectionText name it. */
function whereOf(
  group: 'letters' | 'mails',
  pair: TemplatePair,
  locale: 'nl' | 'en',
  part: 'subject' | 'body',
): LocalizedText {
  return {
    nl: `${group === 'letters' ? 'De brief' : 'De mail'} ${templateTitle(pair, 'nl', QUOTES)} (${part === 'subject' ? 'onderwerp' : 'tekst'}, ${locale === 'nl' ? 'Nederlands' : 'Engels'})`,
    en: `The ${group === 'letters' ? 'letter' : 'mail'} ${templateTitle(pair, 'en', QUOTES)} (${part === 'subject' ? 'subject' : 'text'}, ${locale === 'nl' ? 'Dutch' : 'English'})`,
  };
}

/** A section's problem in words, with how to write it right. */
function sectionText(
  group: 'letters' | 'mails',
  pair: TemplatePair,
  locale: 'nl' | 'en',
  part: 'subject' | 'body',
  { code, piece }: SectionProblem,
): LocalizedText {
  const where = whereOf(group, pair, locale, part);
  const end = piece.replace(/^\{\{[#^]/, '{{/');
  switch (code) {
    case 'unknown_condition':
      return {
        nl: `${where.nl} bevat ${piece}: zo’n voorwaarde bestaat niet. Gebruik {{#online}} (alleen als de aanvrager kan inloggen) of {{^online}} (alleen als de aanvrager dat niet kan), en sluit af met {{/online}}.`,
        en: `${where.en} contains ${piece}: there is no such condition. Use {{#online}} (only if the applicant can log in) or {{^online}} (only if the applicant cannot), and close with {{/online}}.`,
      };
    case 'unclosed_section':
      return {
        nl: `${where.nl}: het deel dat begint met ${piece} wordt niet afgesloten. Zet ${end} waar het deel eindigt.`,
        en: `${where.en}: the part that starts with ${piece} is never closed. Put ${end} where the part ends.`,
      };
    case 'unopened_section':
      return {
        nl: `${where.nl} bevat ${piece} zonder begin. Zet het begin ervoor, of haal ${piece} weg.`,
        en: `${where.en} contains ${piece} without a start. Put the start before it, or remove ${piece}.`,
      };
    case 'empty_section':
      return {
        nl: `${where.nl}: het deel dat begint met ${piece} is leeg. Zet er tekst in, of haal ${piece} en ${end} weg.`,
        en: `${where.en}: the part that starts with ${piece} is empty. Put text in it, or remove ${piece} and ${end}.`,
      };
    case 'nested_section':
      return {
        nl: `${where.nl}: ${piece} staat binnen een ander voorwaardelijk deel. Sluit het eerste deel eerst af.`,
        en: `${where.en}: ${piece} is inside another conditional part. Close the first part first.`,
      };
  }
}

function malformedText(
  group: 'letters' | 'mails',
  pair: TemplatePair,
  locale: 'nl' | 'en',
  part: 'subject' | 'body',
  piece: string,
): LocalizedText {
  const { nl: nlWhere, en: enWhere } = whereOf(group, pair, locale, part);
  return {
    nl: `${nlWhere} bevat ${piece}: dat is geen geldig invulveld. Schrijf het als {{naam}}, met twee accolades aan elke kant en zonder spaties.`,
    en: `${enWhere} contains ${piece}: that is not a valid placeholder. Write it as {{name}}, with two braces on each side and no spaces.`,
  };
}
