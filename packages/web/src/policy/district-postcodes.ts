/**
 * The postcode table of the supporters' rule (`supportersAtLeast`'s `sameDistrict.postcodes`:
 * district name to four-digit postcode areas) as a policy officer reads and types it: one line
 * per district, "Delfshaven: 3021-3029, 3031", runs of following areas written as a range.
 */

export type PostcodeTable = Record<string, string[]>;

/** A problem with one line of the typed table, for the editor to say in words. */
export type TableProblem =
  | { kind: 'noColon'; line: number }
  | { kind: 'noName'; line: number }
  | { kind: 'noPostcodes'; line: number; district: string }
  | { kind: 'notAnArea'; line: number; district: string; item: string }
  | { kind: 'backwards'; line: number; district: string; item: string }
  | { kind: 'twice'; line: number; district: string; postcode: string; other: string };

const AREA = /^[1-9][0-9]{3}$/u;

/** The table as lines of text, in the table's own order; areas sorted, runs as ranges. */
export function formatPostcodeTable(table: PostcodeTable): string {
  return Object.entries(table)
    .map(([district, areas]) => `${district}: ${formatAreas(areas)}`)
    .join('\n');
}

function formatAreas(areas: readonly string[]): string {
  const numbers = [...new Set(areas.map(Number))].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j > i ? `${numbers[i]}-${numbers[j]}` : String(numbers[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * The typed lines as a table, or the problems that keep them from being one. Blank lines are
 * skipped; a dash of any kind (‐, –, —) makes a range; an area in two lines is a problem, as the
 * engine refuses it.
 */
export function parsePostcodeTable(
  text: string,
): { table: PostcodeTable; problems: [] } | { table: null; problems: TableProblem[] } {
  const table: PostcodeTable = {};
  const problems: TableProblem[] = [];
  const owner = new Map<string, string>();
  text.split(/\r\n|\r|\n/u).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const colon = raw.indexOf(':');
    if (colon < 0) {
      problems.push({ kind: 'noColon', line });
      return;
    }
    const district = raw.slice(0, colon).trim().replace(/\s+/gu, ' ');
    if (district === '') {
      problems.push({ kind: 'noName', line });
      return;
    }
    const items = raw
      .slice(colon + 1)
      .split(/[,;]/u)
      .map((s) => s.trim())
      .filter(Boolean);
    if (items.length === 0) {
      problems.push({ kind: 'noPostcodes', line, district });
      return;
    }
    const areas: string[] = [];
    for (const item of items) {
      const [from, to, ...rest] = item.split(/\s*[-‐–—]\s*/u);
      if (rest.length > 0 || !AREA.test(from ?? '') || (to !== undefined && !AREA.test(to))) {
        problems.push({ kind: 'notAnArea', line, district, item });
        continue;
      }
      const first = Number(from);
      const last = to === undefined ? first : Number(to);
      if (last < first) {
        problems.push({ kind: 'backwards', line, district, item });
        continue;
      }
      for (let n = first; n <= last; n++) {
        const postcode = String(n);
        const other = owner.get(postcode);
        if (other !== undefined && other !== district) {
          problems.push({ kind: 'twice', line, district, postcode, other });
          continue;
        }
        owner.set(postcode, district);
        if (!areas.includes(postcode)) areas.push(postcode);
      }
    }
    table[district] = [
      ...(table[district] ?? []),
      ...areas.filter((a) => !table[district]?.includes(a)),
    ];
  });
  return problems.length > 0 ? { table: null, problems } : { table, problems: [] };
}
