/**
 * The versions of each shipped workflow in workflows/, for the tests of what each version changes
 * (shipped-v2 to shipped-v6.test.ts, shipped-received-date.test.ts, shipped-v8.test.ts): a new version shipped is one line here.
 */
export const SHIPPED_VERSIONS: Record<string, number[]> = {
  bewonersinitiatief: [1, 2, 3, 4, 5, 6, 7, 8],
  'klein-buurtbudget': [1, 2, 3, 4, 5, 6, 7],
};
