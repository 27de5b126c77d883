/**
 * A guard or action that reads an amount from a field of its step (`amountAtMost` and
 * `recordPayment` with `field`: the advance a grant decides) names a field of that step's payload
 * that is an amount of money: a whole number in cents (`type: integer`, `x-unit: cents`). A
 * transition of a timer or an `always` has no payload, so it names none. Each refusal names the
 * step and the field by their labels.
 */
import type { LocalizedText } from '../core/engine.types';
import { eventLabel } from './definition.house-rules';
import type { Ref, TransitionConfig, WorkflowDefinition } from './definition.schema';
import { payloadLabel } from './payload-labels';

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;

/** The vocabulary words whose `field` names an amount of the step. */
const READS_AMOUNT_FIELD: ReadonlySet<string> = new Set(['amountAtMost', 'recordPayment']);

function refsOf(refs: Ref | Ref[] | undefined, path: string): { ref: Ref; path: string }[] {
  if (refs === undefined) return [];
  return Array.isArray(refs)
    ? refs.map((ref, i) => ({ ref, path: `${path}.${i}` }))
    : [{ ref: refs, path }];
}

function waysOf(value: string | TransitionConfig | TransitionConfig[] | undefined, path: string) {
  if (value === undefined || typeof value === 'string') return [];
  return Array.isArray(value)
    ? value.map((t, i) => ({ t, path: `${path}.${i}` }))
    : [{ t: value, path }];
}

export function checkAmountFields(def: WorkflowDefinition, add: Add): void {
  for (const [name, state] of Object.entries(def.states)) {
    const ways = [
      ...Object.entries(state.on ?? {}).flatMap(([type, value]) =>
        waysOf(value, `states.${name}.on.${type}`).map((w) => ({ ...w, type })),
      ),
      ...Object.entries(state.after ?? {}).flatMap(([delay, value]) =>
        waysOf(value, `states.${name}.after.${delay}`).map((w) => ({ ...w, type: undefined })),
      ),
      ...waysOf(state.always, `states.${name}.always`).map((w) => ({ ...w, type: undefined })),
    ];
    for (const { t, path, type } of ways) {
      const refs = [...refsOf(t.guard, `${path}.guard`), ...refsOf(t.actions, `${path}.actions`)];
      for (const { ref, path: at } of refs) {
        const field = ref.params?.field;
        if (!READS_AMOUNT_FIELD.has(ref.type) || typeof field !== 'string') continue;
        checkField(def, type, field, `${at}.params.field`, add);
      }
    }
  }
}

function checkField(
  def: WorkflowDefinition,
  type: string | undefined,
  field: string,
  path: string,
  add: Add,
): void {
  const payload = type === undefined ? undefined : def.events[type]?.payload;
  const properties = (payload?.properties ?? {}) as Record<string, unknown>;
  const prop = Object.hasOwn(properties, field) ? properties[field] : undefined;
  const step = type === undefined ? undefined : eventLabel(def, type);
  if (typeof prop !== 'object' || prop === null || step === undefined || payload === undefined) {
    const who: LocalizedText = step ?? {
      nl: 'Een termijn of een automatische stap',
      en: 'A time limit or an automatic step',
    };
    add(path, 'bad_params', `${field} is not a field of the step's payload`, {
      nl: `${who.nl}: het bedrag staat in ${field}, maar dat gegeven vraagt de stap niet. Kies een bedrag van de stap.`,
      en: `${who.en}: the amount is in ${field}, but the step does not ask for it. Choose an amount of the step.`,
    });
    return;
  }
  const p = prop as Record<string, unknown>;
  if (p.type === 'integer' && p['x-unit'] === 'cents') return;
  const label = payloadLabel(payload, field);
  add(path, 'bad_params', `${field} must be an integer field in cents`, {
    nl: `${step.nl}: ${label.nl} is geen bedrag. Kies een bedrag van de stap.`,
    en: `${step.en}: ${label.en} is not an amount of money. Choose an amount of the step.`,
  });
}
