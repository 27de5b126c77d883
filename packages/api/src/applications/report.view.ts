import { isCodeNumber, type WorkflowDefinition } from '@initiatief/engine';

export interface ReportEntry {
  key: string;
  label: { nl: string; en: string };
  /**
   * `cents` for money; `code` for a whole number that is a code (`x-display: code`: a year, a
   * house number), shown as written; null for text and quantities.
   */
  unit: 'cents' | 'code' | null;
  value: unknown;
}

interface PropertySpec {
  'x-label'?: { nl: string; en: string };
  type?: string;
  'x-unit'?: string;
  'x-display'?: string;
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
      unit: spec?.['x-unit'] === 'cents' ? 'cents' : isCodeNumber(spec) ? 'code' : null,
      value,
    };
  });
}
