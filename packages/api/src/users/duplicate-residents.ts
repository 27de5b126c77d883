import { type Kysely, sql, type Transaction } from 'kysely';
import type { User } from '../auth/auth.table';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { publicUser } from './users.repository';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The desk registers residents who phone or come by, many without e-mail. A resident registered
 * twice ("Ayşe Yıldız-Çelik" and later "Ayse Yildiz-Celik" at the same address) has her
 * applications and letters split over two accounts. Before the desk registers someone, the
 * residents who are likely the same person are looked up:
 *
 * - the same e-mail address (an account exists for certain: always refused, see users.routes.ts);
 * - the same postcode and house number, with a similar name;
 * - the same phone number, with a similar name.
 *
 * The app stores no date of birth, so "same name and date of birth" cannot be asked.
 *
 * A name is similar when, folded by search_fold (migration 0039: case, diacritics, hyphens and
 * apostrophes as the desk's search ignores them) and without the Dutch name particles (van, de,
 * ter …), every word of the shorter name is in the longer one: "Ayse Yildiz" and
 * "Ayşe Yıldız-Çelik", "J. de Vries" and "Jan de Vries", "Mohamed" and "Mohammed" (one letter
 * off in a word of five or more letters). "Marie de Vries" at Jan de Vries's address is not.
 */

export const MATCHES = ['email', 'address', 'phone'] as const;
export type Match = (typeof MATCHES)[number];

/** One resident the desk may mean, as a 409's `candidates` lists them: a User, and what matched. */
export type ResidentCandidate = ReturnType<typeof publicUser> & { matchedOn: Match[] };

const PARTICLES = new Set(
  'van de der den het t s te ter ten in op aan bij uit voor la le du di da del della dos von zu'.split(
    ' ',
  ),
);

/** The words of a folded name that tell people apart (particles left out, unless all it has). */
function nameWords(folded: string): string[] {
  const words = folded.split(/[\s.,]+/).filter(Boolean);
  const telling = words.filter((w) => !PARTICLES.has(w));
  return telling.length > 0 ? telling : words;
}

/** At most one letter added, left out or changed. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  // Same length: one letter changed; else one letter more in the longer word.
  return s.length === l.length ? s.slice(i + 1) === l.slice(i + 1) : s.slice(i) === l.slice(i + 1);
}

function wordsMatch(a: string, b: string): 'word' | 'initial' | null {
  if (a === b) return 'word';
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 'initial' : null;
  return a.length >= 5 && b.length >= 5 && oneEditApart(a, b) ? 'word' : null;
}

/** Whether two names, each folded by search_fold, are likely the same person's. */
export function similarNames(foldedA: string, foldedB: string): boolean {
  const a = nameWords(foldedA);
  const b = nameWords(foldedB);
  if (a.length === 0 || b.length === 0) return false;
  if (a.join('') === b.join('')) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let whole = false;
  for (const word of short) {
    const kinds = long.map((other) => wordsMatch(word, other));
    if (kinds.includes('word')) whole = true;
    else if (!kinds.includes('initial')) return false;
  }
  return whole;
}

// The house number ends the street line: "Hoogstraat 1", "Schiedamseweg 12b", "Kade 3-b",
// "Laan 7 A", "Straat 12-2", "Straat 12 hs". Only the number counts (12 and 12a may be typos).
const HOUSE_NUMBER = /(?:^|\s)(\d{1,5})\s*[-/]?\s*[a-z0-9]{0,4}\s*$/i;

export function houseNumberOf(street: string | null | undefined): string | null {
  const match = street ? HOUSE_NUMBER.exec(street.trim()) : null;
  return match ? String(Number(match[1])) : null;
}

/** The last nine digits of a phone number: 06 12345678, +31 6 1234 5678 and 0031612345678 agree. */
function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(-9) : null;
}

export interface NewResident {
  name: string;
  street?: string | null;
  postcode?: string | null;
  phone?: string | null;
}

/**
 * Residents (role applicant) who are likely `resident` by address or phone, with what matched;
 * at most 10, by name.
 */
export async function findLikelyDuplicates(
  db: Db,
  resident: NewResident,
): Promise<ResidentCandidate[]> {
  const number = houseNumberOf(resident.street);
  const postcode = number && resident.postcode ? resident.postcode.replace(/\s/g, '') : null;
  const phone = phoneKey(resident.phone);
  if (!postcode && !phone) return [];
  const near = [
    ...(postcode ? [sql<boolean>`upper(replace(postcode, ' ', '')) = upper(${postcode})`] : []),
    ...(phone
      ? [sql<boolean>`right(regexp_replace(coalesce(phone, ''), '\\D', '', 'g'), 9) = ${phone}`]
      : []),
  ];
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .select([
      sql<string>`search_fold(name)`.as('folded_name'),
      sql<string>`search_fold(${resident.name})`.as('folded_typed'),
    ])
    .where(sql<boolean>`'applicant' = any(roles)`)
    .where(sql<boolean>`(${sql.join(near, sql` or `)})`)
    .orderBy('name')
    .orderBy('id')
    .limit(200)
    .execute();
  const candidates: ResidentCandidate[] = [];
  for (const row of rows) {
    if (!similarNames(row.folded_name, row.folded_typed)) continue;
    const matchedOn: Match[] = [];
    const samePostcode = postcode && row.postcode?.replace(/\s/g, '').toUpperCase() === postcode;
    if (samePostcode && houseNumberOf(row.street) === number) matchedOn.push('address');
    if (phone && phoneKey(row.phone) === phone) matchedOn.push('phone');
    if (matchedOn.length > 0) candidates.push(candidate(row, matchedOn));
  }
  return candidates.slice(0, 10);
}

export function candidate(user: User, matchedOn: Match[]): ResidentCandidate {
  return { ...publicUser(user), matchedOn };
}

const SAME = {
  nl: 'Er staan al bewoners geregistreerd die op deze bewoner lijken: met een gelijkende naam op hetzelfde adres of met hetzelfde telefoonnummer. Open de bestaande bewoner, of bevestig dat het echt iemand anders is (confirmedDifferent).',
  en: 'Residents who look like this one are already registered: with a similar name at the same address or with the same phone number. Open the existing resident, or confirm that this really is someone else (confirmedDifferent).',
};

/** 409: residents who look the same exist; `candidates` lists them. */
export function likelyDuplicate(candidates: ResidentCandidate[]): AppError {
  return new AppError('conflict', `${SAME.nl} / ${SAME.en}`, {
    invalidParams: [{ name: 'confirmedDifferent', reason: SAME.en, text: SAME }],
    extra: { candidates },
  });
}
