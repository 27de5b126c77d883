/**
 * Who reads a payload field back in the history of an application. `x-audience: 'staff'` on a
 * property of an event's payload says its value is for staff only (a term in days the assessor
 * sets: the resident reads its due date in her letter, not the number): the API leaves it out of
 * the history a resident (or someone acting for her) reads. Without it everyone who may read the
 * history reads the field. It does not hide the value anywhere else: a letter may still use it.
 */
import type { LocalizedText } from '../core/engine.types';
import { payloadLabel } from './payload-labels';

export const X_AUDIENCE = 'x-audience';
/** The only audience a field can be narrowed to. */
export const STAFF_AUDIENCE = 'staff';

type Json = Record<string, unknown>;

function propertiesOf(schema: unknown): Record<string, unknown> {
  const properties = (schema as Json | null | undefined)?.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Json) : {};
}

/** True for a payload property whose value is for staff only (`x-audience: 'staff'`). */
export function isStaffOnly(prop: unknown): boolean {
  return typeof prop === 'object' && prop !== null && (prop as Json)[X_AUDIENCE] === STAFF_AUDIENCE;
}

/** The keys of a payload schema's fields that are for staff only, in the schema's order. */
export function staffOnlyKeys(schema: unknown): string[] {
  return Object.entries(propertiesOf(schema))
    .filter(([, prop]) => isStaffOnly(prop))
    .map(([key]) => key);
}

type Add = (path: string, code: string, message: string, text?: LocalizedText) => void;

/**
 * `x-audience` on a payload field takes one value, `staff`; any other is refused as `bad_field`,
 * naming the step and the field by their labels.
 */
export function checkPayloadAudience(type: string, payload: Json, name: LocalizedText, add: Add) {
  for (const [key, raw] of Object.entries(propertiesOf(payload))) {
    if (typeof raw !== 'object' || raw === null || !(X_AUDIENCE in raw)) continue;
    if (isStaffOnly(raw)) continue;
    const f = payloadLabel(payload, key);
    add(
      `events.${type}.payload.properties.${key}.${X_AUDIENCE}`,
      'bad_field',
      `${X_AUDIENCE} must be ${STAFF_AUDIENCE}`,
      {
        nl: `${name.nl}: bij ${f.nl} staat een onbekende lezer. Een veld kan alleen ‘alleen voor medewerkers’ zijn (de aanvrager ziet het dan niet in de geschiedenis). Kies dat of haal de keuze weg.`,
        en: `${name.en}: ${f.en} names an unknown reader. A field can only be ‘staff only’ (the applicant then does not see it in the history). Choose that or remove the choice.`,
      },
    );
  }
}
