/**
 * A letter's subject in each language its workflow words it in. A letter stays in the language it
 * was sent in (it is the legal document), but a page in another language can name it in the
 * reader's words: "Acknowledgement of receipt … (letter in Dutch: Ontvangstbevestiging …)".
 */
import {
  renderTemplate,
  type TemplateConditions,
  templatePlaceholders,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import type { Language } from './messaging.table';

type Db = Kysely<DB> | Transaction<DB>;
export type Subjects = Partial<Record<Language, string>>;
const LANGUAGES: readonly Language[] = ['nl', 'en'];

/**
 * Values that read the same in every language. A subject that uses anything else (a date, an
 * amount: formatted for the letter's language when it was issued) is not offered in another
 * language, rather than mix a Dutch date into English words.
 */
const SAME_IN_EVERY_LANGUAGE = new Set(['reference', 'title', 'applicantName']);

interface LetterOfTemplate {
  kind: string;
  template_key: string;
  language: Language;
  subject: string;
}

/**
 * The subject as issued in the letter's language, and in each other language the template of
 * the letter's own workflow version has, filled with the letter's stored values. A letter of the
 * shell's own (`shell.…`: no template in the workflow) has only its own.
 */
export function subjectsOf(
  definition: WorkflowDefinition | undefined,
  letter: LetterOfTemplate,
  stored: { variables?: Record<string, string>; conditions?: TemplateConditions },
): Subjects {
  const subjects: Subjects = { [letter.language]: letter.subject };
  if (!definition || letter.template_key.startsWith('shell.')) return subjects;
  // A notice sent on paper is printed from the mail's text (messaging.plan.ts).
  const group = letter.kind === 'notice' ? 'mails' : 'letters';
  const templates = (
    definition as unknown as {
      templates?: Record<string, Record<string, Partial<Record<Language, { subject?: string }>>>>;
    }
  ).templates;
  const entry = templates?.[group]?.[letter.template_key];
  for (const language of LANGUAGES) {
    const subject = entry?.[language]?.subject;
    if (language === letter.language || !subject?.trim()) continue;
    if (!templatePlaceholders(subject).every((name) => SAME_IN_EVERY_LANGUAGE.has(name))) continue;
    subjects[language] = renderTemplate(subject, stored.variables ?? {}, stored.conditions);
  }
  return subjects;
}

/** subjectsOf for a list of letters: their stored values in one query, each definition once. */
export async function documentSubjects(
  db: Db,
  letters: (LetterOfTemplate & {
    id: string;
    definition_key: string;
    definition_version: number;
  })[],
): Promise<Map<string, Subjects>> {
  const result = new Map<string, Subjects>();
  if (letters.length === 0) return result;
  const rows = await db
    .selectFrom('documents')
    .select([
      'id',
      sql<Record<string, string> | null>`content->'variables'`.as('variables'),
      sql<TemplateConditions | null>`content->'conditions'`.as('conditions'),
    ])
    .where(
      'id',
      'in',
      letters.map((l) => l.id),
    )
    .execute();
  const stored = new Map(rows.map((r) => [r.id, r]));
  const definitions = new Map<string, Promise<WorkflowDefinition | undefined>>();
  for (const letter of letters) {
    const key = `${letter.definition_key}@${letter.definition_version}`;
    if (!definitions.has(key)) {
      definitions.set(
        key,
        loadDefinition(db, letter.definition_key, letter.definition_version).catch(() => undefined),
      );
    }
    const row = stored.get(letter.id);
    result.set(
      letter.id,
      subjectsOf(await definitions.get(key), letter, {
        variables: row?.variables ?? undefined,
        conditions: row?.conditions ?? undefined,
      }),
    );
  }
  return result;
}
