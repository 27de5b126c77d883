import type { z } from 'zod';
import type { LocalizedText } from '../core/engine.types';
import {
  malformedPlaceholders,
  TEMPLATE_VARIABLES,
  templatePlaceholders,
} from '../templates/templates';
import {
  type ActionName,
  actionParams,
  type DelayKind,
  delayParams,
  type GuardName,
  guardParams,
} from '../vocabulary/vocabulary.params';
import { checkHouseRules, noPathToFinalText } from './definition.house-rules';
import { checkPages, checkTags } from './definition.rules';
import {
  type FormField,
  looseDefinitionSchema,
  type Ref,
  type TransitionConfig,
  type WorkflowDefinition,
} from './definition.schema';
import { compilePayloadSchema } from './payload-schema';

export interface DefinitionProblem {
  /** Dotted path into the definition, e.g. `states.draft.on.SUBMIT.0.guard.1.params.count`. */
  path: string;
  code: string;
  message: string;
  /** The refusal as a sentence naming the state or event by its label (house rules, C2). */
  text?: LocalizedText;
}

/** Sentences for shape problems that policy staff make in the editor's own fields. */
const SHAPE_TEXTS: Record<string, LocalizedText> = {
  referencePrefix: {
    nl: 'De letters vóór het kenmerk zijn twee tot vijf hoofdletters, zoals KB.',
    en: 'The letters before the reference are two to five capital letters, such as KB.',
  },
};

export interface ValidationResult {
  ok: boolean;
  definition?: WorkflowDefinition;
  problems: DefinitionProblem[];
}

const KNOWN_VARIABLES = new Set<string>(TEMPLATE_VARIABLES);

function transitionsWithPaths(
  value: string | TransitionConfig | TransitionConfig[] | undefined,
  path: string,
): { t: TransitionConfig; path: string }[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [{ t: { target: value }, path }];
  if (Array.isArray(value)) return value.map((t, i) => ({ t, path: `${path}.${i}` }));
  return [{ t: value, path }];
}

function checkParams(
  schema: z.ZodType,
  params: unknown,
  path: string,
  name: string,
  problems: DefinitionProblem[],
): void {
  const result = schema.safeParse(params ?? {});
  if (result.success) return;
  for (const issue of result.error.issues) {
    problems.push({
      path: [path, 'params', ...issue.path.map(String)].join('.'),
      code: 'bad_params',
      message: `${name}: ${issue.message}`,
    });
  }
}

/**
 * Checks a workflow definition: its shape, the guard/action/delay vocabulary and parameters,
 * targets, reachability, a path to a final state from every state, events no role may send,
 * transitions out of final states, templates and their variables, the form and payload schemas,
 * the form's pages (each field on exactly one), the closed vocabulary of state tags,
 * and the rules of the house (definition.house-rules.ts).
 */
export function validateDefinition(json: unknown): ValidationResult {
  const parsed = looseDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => {
        const path = i.path.map(String).join('.') || '$';
        const text = SHAPE_TEXTS[path];
        return { path, code: 'invalid_shape', message: i.message, ...(text ? { text } : {}) };
      }),
    };
  }
  const def = parsed.data;
  const problems: DefinitionProblem[] = [];
  const add = (path: string, code: string, message: string, text?: LocalizedText) =>
    problems.push({ path, code, message, ...(text ? { text } : {}) });
  const stateNames = new Set(Object.keys(def.states));

  if (!stateNames.has(def.initial)) add('initial', 'unknown_state', `no state ${def.initial}`);

  // Events.
  for (const [type, event] of Object.entries(def.events)) {
    if (event.roles.length === 0) {
      add(`events.${type}.roles`, 'event_without_roles', `no role may send ${type}`);
    }
    if (event.payload !== undefined) {
      if (event.payload.type !== 'object') {
        add(
          `events.${type}.payload.type`,
          'bad_payload_schema',
          'a payload schema must be of type object',
        );
      }
      try {
        compilePayloadSchema(event.payload);
      } catch (error) {
        add(`events.${type}.payload`, 'bad_payload_schema', (error as Error).message);
      }
    }
  }

  // Delays.
  for (const [name, ref] of Object.entries(def.delays)) {
    const schema = delayParams[ref.type as DelayKind];
    if (!schema) add(`delays.${name}.type`, 'unknown_delay_kind', `no delay kind ${ref.type}`);
    else checkParams(schema, ref.params, `delays.${name}`, ref.type, problems);
  }

  const usedMails = new Map<string, string>();
  const usedLetters = new Map<string, string>();
  const checkActions = (actions: Ref[] | undefined, path: string) => {
    (actions ?? []).forEach((a, i) => {
      const p = `${path}.${i}`;
      const schema = actionParams[a.type as ActionName];
      if (!schema) {
        add(`${p}.type`, 'unknown_action', `no action ${a.type}`);
        return;
      }
      checkParams(schema, a.params, p, a.type, problems);
      const template = a.params?.template;
      if (typeof template === 'string' && a.type === 'sendNotice') usedMails.set(template, p);
      if (typeof template === 'string' && a.type === 'issueDocument') usedLetters.set(template, p);
    });
  };
  const checkTransition = (t: TransitionConfig, path: string) => {
    if (t.target !== undefined && !stateNames.has(t.target)) {
      add(`${path}.target`, 'unknown_target', `no state ${t.target}`);
    }
    const guards = t.guard === undefined ? [] : Array.isArray(t.guard) ? t.guard : [t.guard];
    guards.forEach((g, i) => {
      const p = Array.isArray(t.guard) ? `${path}.guard.${i}` : `${path}.guard`;
      const schema = guardParams[g.type as GuardName];
      if (!schema) {
        add(`${p}.type`, 'unknown_guard', `no guard ${g.type}`);
        return;
      }
      checkParams(schema, g.params, p, g.type, problems);
      const event = g.params?.event;
      if (g.type === 'actorIsNot' && typeof event === 'string' && !def.events[event]) {
        add(`${p}.params.event`, 'unknown_event', `no event ${event}`);
      }
    });
    checkActions(t.actions, `${path}.actions`);
  };

  // States and transitions; collect the graph.
  const edges = new Map<string, Set<string>>();
  for (const [name, state] of Object.entries(def.states)) {
    const base = `states.${name}`;
    const out = new Set<string>();
    edges.set(name, out);
    checkActions(state.entry, `${base}.entry`);
    checkActions(state.exit, `${base}.exit`);
    const all: { t: TransitionConfig; path: string }[] = [];
    for (const [type, value] of Object.entries(state.on ?? {})) {
      if (!def.events[type])
        add(`${base}.on.${type}`, 'unknown_event', `event ${type} is not declared`);
      all.push(...transitionsWithPaths(value, `${base}.on.${type}`));
    }
    for (const [delay, value] of Object.entries(state.after ?? {})) {
      if (!def.delays[delay])
        add(`${base}.after.${delay}`, 'unknown_delay', `delay ${delay} is not declared`);
      all.push(...transitionsWithPaths(value, `${base}.after.${delay}`));
    }
    all.push(...transitionsWithPaths(state.always, `${base}.always`));
    if (state.type === 'final' && all.length > 0) {
      add(base, 'transition_from_final', `final state ${name} has outgoing transitions`);
    }
    for (const { t, path } of all) {
      checkTransition(t, path);
      if (t.target !== undefined && stateNames.has(t.target)) out.add(t.target);
    }
  }

  // Reachability from the initial state.
  if (stateNames.has(def.initial)) {
    const seen = new Set([def.initial]);
    const queue = [def.initial];
    while (queue.length > 0) {
      for (const next of edges.get(queue.shift()!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    for (const name of stateNames) {
      if (!seen.has(name))
        add(
          `states.${name}`,
          'unreachable_state',
          `state ${name} cannot be reached from ${def.initial}`,
        );
    }
  }

  // Every non-final state must lead to a final state.
  const finals = [...stateNames].filter((n) => def.states[n]!.type === 'final');
  const leadsToFinal = new Set(finals);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, out] of edges) {
      if (!leadsToFinal.has(name) && [...out].some((n) => leadsToFinal.has(n))) {
        leadsToFinal.add(name);
        changed = true;
      }
    }
  }
  for (const name of stateNames) {
    if (!leadsToFinal.has(name))
      problems.push({
        path: `states.${name}`,
        code: 'no_path_to_final',
        message: `no path from ${name} to a final state`,
        text: noPathToFinalText(def, name),
      });
  }

  // Templates: referenced ones must exist; placeholders must be known variables.
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
            problems.push({
              path,
              code: 'malformed_placeholder',
              message: `${group === 'letters' ? 'letter' : 'mail'} ${key} (${locale} ${part}): ${piece} is not a placeholder; write {{name}}`,
              text: malformedText(group, key, locale, part, piece),
            });
          }
        }
      }
    }
  }

  checkForm(def, add);
  problems.push(...checkHouseRules(def));
  checkPages(def, add);
  checkTags(def, add);
  return problems.length === 0 ? { ok: true, definition: def, problems } : { ok: false, problems };
}

function malformedText(
  group: 'letters' | 'mails',
  key: string,
  locale: 'nl' | 'en',
  part: 'subject' | 'body',
  piece: string,
): LocalizedText {
  const nlWhere = `${group === 'letters' ? 'De brief' : 'De mail'} "${key}" (${part === 'subject' ? 'onderwerp' : 'tekst'}, ${locale === 'nl' ? 'Nederlands' : 'Engels'})`;
  const enWhere = `The ${group === 'letters' ? 'letter' : 'mail'} "${key}" (${part}, ${locale === 'nl' ? 'Dutch' : 'English'})`;
  return {
    nl: `${nlWhere} bevat ${piece}: dat is geen geldig invulveld. Schrijf het als {{naam}}, met twee accolades aan elke kant en zonder spaties.`,
    en: `${enWhere} contains ${piece}: that is not a valid placeholder. Write it as {{name}}, with two braces on each side and no spaces.`,
  };
}

/** The label of a form field for a sentence, or its key when it has none (yet). */
function fieldLabel(def: WorkflowDefinition, key: string): LocalizedText {
  const field = def.form.fields.find((f) => f.key === key);
  return field?.label ?? { nl: key, en: key };
}

function checkForm(
  def: WorkflowDefinition,
  add: (path: string, code: string, message: string, text?: LocalizedText) => void,
) {
  /** "De titel van de aanvraag" must be a text field: said with the question's own label. */
  const mustBe = (
    path: string,
    key: string,
    nlKind: string,
    enKind: string,
    role: LocalizedText,
  ) => {
    const l = fieldLabel(def, key);
    const exists = def.form.fields.some((f) => f.key === key);
    add(path, 'bad_form', `${key} must be ${enKind}`, {
      nl: exists
        ? `${role.nl}: de vraag ${l.nl} is geen ${nlKind}. Kies een andere vraag.`
        : `${role.nl}: het formulier heeft geen vraag ${key}. Kies een vraag uit het formulier.`,
      en: exists
        ? `${role.en}: the question ${l.en} is not ${enKind}. Choose another question.`
        : `${role.en}: the form has no question ${key}. Choose a question of the form.`,
    });
  };
  const checkFields = (fields: readonly FormField[], path: string) => {
    const keys = new Set<string>();
    fields.forEach((f, i) => {
      const p = `${path}.${i}`;
      if (keys.has(f.key)) add(`${p}.key`, 'duplicate_field', `field ${f.key} appears twice`);
      keys.add(f.key);
      if (f.type === 'list' || f.type === 'attachments') {
        if (f.minItems !== undefined && f.maxItems !== undefined && f.minItems > f.maxItems) {
          add(p, 'bad_limits', 'minItems is more than maxItems');
        }
        if (f.type === 'list') checkFields(f.fields, `${p}.fields`);
        return;
      }
      if (f.type === 'select' && (!f.options || f.options.length === 0)) {
        add(`${p}.options`, 'bad_field', 'a select field needs options', {
          nl: `De keuzelijst ${f.label.nl} heeft nog geen keuzes. Voeg er minstens één toe.`,
          en: `The choice list ${f.label.en} has no choices yet. Add at least one.`,
        });
      }
      if (f.minLength !== undefined && f.maxLength !== undefined && f.minLength > f.maxLength) {
        add(p, 'bad_limits', 'minLength is more than maxLength');
      }
      if (f.min !== undefined && f.max !== undefined && f.min > f.max)
        add(p, 'bad_limits', 'min is more than max');
      if (f.pattern !== undefined) {
        try {
          new RegExp(f.pattern);
        } catch {
          add(`${p}.pattern`, 'bad_field', 'the pattern is not a valid regular expression', {
            nl: `Het patroon van ${f.label.nl} is geen geldige reguliere expressie.`,
            en: `The pattern of ${f.label.en} is not a valid regular expression.`,
          });
        }
      }
    });
  };
  checkFields(def.form.fields, 'form.fields');
  const spec = def.form.requestedAmount;
  if (spec) {
    const list = def.form.fields.find((f) => f.key === spec.list);
    const field = list?.type === 'list' ? list.fields.find((f) => f.key === spec.field) : undefined;
    if (field?.type !== 'money') {
      add(
        'form.requestedAmount',
        'bad_form',
        `${spec.list}.${spec.field} must be a money field in a list`,
        {
          nl: `Het aangevraagde bedrag telt ${spec.list}.${spec.field} op, maar dat is geen bedrag in een lijst met regels. Kies een bedrag in een lijst.`,
          en: `The requested amount adds up ${spec.list}.${spec.field}, but that is not an amount in a list of rows. Choose an amount in a list.`,
        },
      );
    }
  }
  const dateKey = def.form.activityDateField;
  if (dateKey && def.form.fields.find((f) => f.key === dateKey)?.type !== 'date') {
    mustBe('form.activityDateField', dateKey, 'datum', 'a date field', {
      nl: 'Datum van de activiteit',
      en: 'Date of the activity',
    });
  }
  const titleKey = def.form.titleField;
  const titleType = def.form.fields.find((f) => f.key === titleKey)?.type;
  if (titleKey && titleType !== 'text' && titleType !== 'textarea') {
    mustBe('form.titleField', titleKey, 'tekst', 'a text field', {
      nl: 'Naam van de aanvraag',
      en: 'Name of the application',
    });
  }
  const descriptionKey = def.form.descriptionField;
  const descriptionType = def.form.fields.find((f) => f.key === descriptionKey)?.type;
  if (descriptionKey && descriptionType !== 'text' && descriptionType !== 'textarea') {
    mustBe('form.descriptionField', descriptionKey, 'tekst', 'a text field', {
      nl: 'Omschrijving van de aanvraag',
      en: 'Description of the application',
    });
  }
}
