import table from './rotterdam-postcodes.json' with { type: 'json' };

/**
 * Whether a Dutch postcode lies in the municipality, by its four digits, from the shipped table
 * (its public source is named in rotterdam-postcodes.json). Null when there is no postcode.
 */
export function inMunicipality(postcode: string | null | undefined): boolean | null {
  const digits = /^\s*([1-9][0-9]{3})/.exec(postcode ?? '')?.[1];
  if (!digits) return null;
  const n = Number(digits);
  if (table.ranges.some(([from, to]) => n >= from! && n <= to!)) return true;
  return Object.hasOwn(table.exceptions, digits);
}
