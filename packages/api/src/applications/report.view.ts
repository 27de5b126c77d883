import type { WorkflowDefinition } from '@initiatief/engine';

export interface ReportEntry {
  key: string;
  label: { nl: string; en: string };
  /** `cents` for money; absent for text and numbers. */
  unit: 'cents' | null;
  value: unknown;
}

interface PropertySpec {
  'x-label'?: { nl: string; en: string };
  'x-unit'?: string;
}

/** The label and unit of a payload field, from whichever event of the definition declares it. */
function specOf(def: WorkflowDefinition, key: string): PropertySpec | undefined {
  for (const event of Object.values(def.events ?? {})) {
    const props = (event as { payload?: { properties?: Record<string, PropertySpec> } }).payload
      ?.properties;
    if (props?.[key]) return props[key];
  }
  return undefined;
}

/**
 * What the resident reported after the activity, in the words of the definition: staff read it
 * on the case page before they settle. No field name is known here; the definition labels them.
 */
export function reportEntries(
  def: WorkflowDefinition,
  report: Record<string, unknown> | undefined,
): ReportEntry[] {
  return Object.entries(report ?? {}).map(([key, value]) => {
    const spec = specOf(def, key);
    return {
      key,
      label: spec?.['x-label'] ?? { nl: key, en: key },
      unit: spec?.['x-unit'] === 'cents' ? 'cents' : null,
      value,
    };
  });
}
