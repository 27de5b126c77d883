import type { WorkflowDefinition } from '../definition/definition.schema';

// The supporters' rule in words a form can use while it is filled in. Kept apart from the guards,
// which validate payloads with zod, so the resident's form loads this without the validator.

/** The form's list that `supportersAtLeast` counts when nobody was invited to confirm. */
export const SUPPORTERS_LIST = 'supporters';

/**
 * The supporters named in the form's own list (`data.supporters`, the vocabulary's field for
 * `supportersAtLeast`): what that guard counts while nobody was invited to confirm.
 */
export function supportersOnForm(data: Record<string, unknown> | null | undefined): unknown[] {
  const list = data?.[SUPPORTERS_LIST];
  return Array.isArray(list) ? list : [];
}

/**
 * Two ways of writing one person's name: the same letters, whatever their case, their accents
 * and the spaces around and between the words. A neighbour on a Dutch keyboard writes "Ayse
 * Yildiz-Celik" for Ayşe Yıldız-Çelik, and "YILDIZ" in capitals has lost its dotless i.
 */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/gu, 'i')
    .trim()
    .replace(/\s+/gu, ' ')
    .toLocaleLowerCase('nl');
}

/**
 * Which supporters count for `supportersAtLeast`: those whose `age` is a whole number of at least
 * `minAge`, and who are not the applicant. The regulation asks for the support of other
 * residents, so a line with the applicant's own name (`applicantName`) never counts. Also the
 * positions (from 0) of the lines that do not count, by reason, so a form can say which they are
 * while it is being filled in.
 */
export function countSupporters(
  list: readonly unknown[],
  minAge: number,
  applicantName?: string | null,
): { counted: number; tooYoung: number[]; noAge: number[]; applicant: number[] } {
  const result = {
    counted: 0,
    tooYoung: [] as number[],
    noAge: [] as number[],
    applicant: [] as number[],
  };
  list.forEach((s, i) => {
    const { age, name } = (s ?? {}) as { age?: unknown; name?: unknown };
    if (applicantName && typeof name === 'string' && sameName(name, applicantName)) {
      result.applicant.push(i);
    } else if (typeof age !== 'number') result.noAge.push(i);
    else if (age < minAge) result.tooYoung.push(i);
    else result.counted++;
  });
  return result;
}

/**
 * How many supporters the workflow asks for, and from what age: the strictest
 * `supportersAtLeast` of its transitions; null when no step asks for supporters (then nobody
 * needs to be invited to confirm).
 */
export function supportersRule(def: WorkflowDefinition): { count: number; minAge: number } | null {
  let rule: { count: number; minAge: number } | null = null;
  for (const state of Object.values(def.states)) {
    const transitions = Object.values(state.on ?? {}).flatMap((t) =>
      t === undefined ? [] : Array.isArray(t) ? t : typeof t === 'string' ? [] : [t],
    );
    for (const t of transitions) {
      const guards = t.guard === undefined ? [] : Array.isArray(t.guard) ? t.guard : [t.guard];
      for (const g of guards) {
        if (g.type !== 'supportersAtLeast') continue;
        const p = (g.params ?? {}) as { count?: number; minAge?: number };
        const count = p.count ?? 0;
        if (rule === null || count > rule.count) rule = { count, minAge: p.minAge ?? 12 };
      }
    }
  }
  return rule;
}
