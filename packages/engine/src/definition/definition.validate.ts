/**
 * validateDefinition: the one check of a workflow definition, for the editor, publishing and
 * start-up alike. The shape, the vocabulary and its parameters, the graph (targets,
 * reachability, a way to a final state) and the events are checked here; the templates, the
 * form, the pages and tags and the rules of the house in definition.template-rules.ts,
 * definition.form-rules.ts, definition.rules.ts and definition.house-rules.ts.
 */
import type { z } from 'zod';
import type { LocalizedText } from '../core/engine.types';
import {
  type ActionName,
  actionParams,
  type DelayKind,
  delayParams,
  type GuardName,
  guardParams,
} from '../vocabulary/vocabulary.params';
import { checkAccountHolder } from './definition.account-rules';
import { checkAmountFields } from './definition.amount-field-rules';
import { checkEventPayloadRules, checkForm } from './definition.form-rules';
import { checkFormShowWhen } from './definition.form-show-when-rules';
import { checkHouseRules, noPathToFinalText } from './definition.house-rules';
import { checkPages, checkTags } from './definition.rules';
import {
  looseDefinitionSchema,
  type Ref,
  type TransitionConfig,
  type WorkflowDefinition,
} from './definition.schema';
import { checkSender } from './definition.sender-rules';
import { checkSupportersDistrict } from './definition.supporters-rules';
import { checkTemplates } from './definition.template-rules';
import { checkTexts } from './definition.text-rules';
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
 * the payloads' rules across fields (`x-atLeastOneOf`, `x-showWhen`), the form's pages (each field on exactly
 * one), the closed vocabulary of state tags,
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
      if (g.type === 'supportersAtLeast') checkSupportersDistrict(def, g.params, p, add);
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

  checkTemplates(def, usedMails, usedLetters, add);
  checkForm(def, add);
  checkAccountHolder(def, add);
  checkAmountFields(def, add);
  checkFormShowWhen(def, add);
  checkEventPayloadRules(def, add);
  problems.push(...checkHouseRules(def));
  checkPages(def, add);
  checkTags(def, add);
  checkTexts(def, add);
  checkSender(def, add);
  return problems.length === 0 ? { ok: true, definition: def, problems } : { ok: false, problems };
}
