import type { User } from '../auth/auth.table';
import { AppError, type InvalidParam } from '../errors';
import { channelFor } from '../messaging/channels';

/**
 * The postal address letters by post go to (users.street/postcode/city; the print queue puts
 * only a complete one on an envelope). zod checks each field's form (users.schemas.ts); these
 * are the rules across the fields, each refusal a sentence naming the field by its label:
 *
 * - a resident whose letters go by post (no e-mail address, or post chosen) has a complete one:
 *   at the desk's registration, when the address changes, and when post is chosen;
 * - an address is whole or empty, never half (a letter cannot go to "Coolsingel 40" alone);
 * - each field is one line: a line break or tab would break the address block in the envelope.
 *
 * The first two are one rule, `wholeAddressProblems`, used by every check below.
 */

export const ADDRESS_FIELDS = ['street', 'postcode', 'city'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type PostalAddress = Partial<Record<AddressField, string | null | undefined>>;

type Text = { nl: string; en: string };

/** The labels the web shows for these fields (desk and "Mijn gegevens"). */
const LABEL: Record<AddressField, Text> = {
  street: { nl: 'Straat en huisnummer', en: 'Street and house number' },
  postcode: { nl: 'Postcode', en: 'Postcode' },
  city: { nl: 'Woonplaats', en: 'Town' },
};

/** Why the whole address is needed, said to the person who reads it. */
const WHY = {
  resident: {
    nl: 'Brieven aan deze bewoner gaan per post, dus het postadres moet volledig zijn.',
    en: 'Letters to this resident go by post, so the postal address must be complete.',
  },
  self: {
    nl: 'Uw brieven gaan per post naar dit adres, dus het moet volledig zijn.',
    en: 'Your letters go by post to this address, so it must be complete.',
  },
  whole: {
    nl: 'Vul het hele adres in: straat en huisnummer, postcode en woonplaats.',
    en: 'Fill in the whole address: street and house number, postcode and town.',
  },
} satisfies Record<string, Text>;

/** Why post cannot be chosen yet: the address comes first. */
const WHY_CHOICE = {
  resident: {
    nl: 'Voor brieven per post is het volledige postadres van de bewoner nodig. Vul dat eerst in en kies daarna voor post.',
    en: "Letters by post need the resident's complete postal address. Fill it in first, then choose post.",
  },
  self: {
    nl: 'Voor brieven per post hebben wij uw volledige postadres nodig. Vul dat eerst in en kies daarna voor post.',
    en: 'For letters by post we need your complete postal address. Fill it in first, then choose post.',
  },
} satisfies Record<AddressOwner, Text>;

/** Who the address belongs to, as the sentences address them. */
export type AddressOwner = 'self' | 'resident';

const CONTROL = /\p{Cc}/u;

function filled(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function param(field: AddressField, text: Text): InvalidParam {
  return { name: field, reason: text.en, text };
}

function oneLineProblems(address: PostalAddress): InvalidParam[] {
  return (['street', 'city'] as const)
    .filter((field) => CONTROL.test(address[field] ?? ''))
    .map((field) =>
      param(field, {
        nl: `${LABEL[field].nl} moet op één regel staan, zonder regeleinden, tabs of andere stuurtekens.`,
        en: `${LABEL[field].en} must be on one line, without line breaks, tabs or other control characters.`,
      }),
    );
}

function missingProblems(address: PostalAddress, why: Text): InvalidParam[] {
  return ADDRESS_FIELDS.filter((field) => !filled(address[field])).map((field) =>
    param(field, {
      nl: `${LABEL[field].nl} ontbreekt. ${why.nl}`,
      en: `${LABEL[field].en} is missing. ${why.en}`,
    }),
  );
}

/**
 * The rule across the fields: with letters by post every field is filled in (`why` says so);
 * otherwise the address may be empty, but a field or two alone is not an address.
 */
function wholeAddressProblems(address: PostalAddress, byPost: boolean, why: Text): InvalidParam[] {
  const any = ADDRESS_FIELDS.some((field) => filled(address[field]));
  return byPost || any ? missingProblems(address, byPost ? why : WHY.whole) : [];
}

function refuse(problems: InvalidParam[]): void {
  if (problems.length === 0) return;
  throw new AppError(
    'validation_failed',
    `The postal address is not complete or not on one line: ${problems.map((p) => p.name).join(', ')}.`,
    { invalidParams: problems },
  );
}

/**
 * A resident registered at the desk: with letters by post (no e-mail address, or post chosen)
 * the address is complete; with e-mail it may be left out, but not given by halves.
 */
export function checkNewAddress(address: PostalAddress, byPost: boolean): void {
  refuse([...oneLineProblems(address), ...wholeAddressProblems(address, byPost, WHY.resident)]);
}

/**
 * A change of an existing account's address (the resident's own, or at the desk): what results
 * is whole, or empty, and empty only while letters go by e-mail. Nothing to check when the
 * change leaves the address alone.
 */
export function checkAddressChange(
  current: Pick<User, AddressField | 'email' | 'letter_channel'>,
  changes: PostalAddress,
  owner: AddressOwner,
): void {
  if (!ADDRESS_FIELDS.some((field) => changes[field] !== undefined)) return;
  const next: Record<AddressField, string | null> = {
    street: changes.street !== undefined ? changes.street : current.street,
    postcode: changes.postcode !== undefined ? changes.postcode : current.postcode,
    city: changes.city !== undefined ? changes.city : current.city,
  };
  const byPost =
    channelFor({ email: current.email, letterChannel: current.letter_channel, ...next }).name ===
    'paper';
  refuse([...oneLineProblems(changes), ...wholeAddressProblems(next, byPost, WHY[owner])]);
}

/**
 * The choice of letters by post (PUT .../letter-channel): refused while the stored address is
 * not whole, each missing field named, so that no letter waits in the print queue for want of
 * an address.
 */
export function checkPostChoice(current: Pick<User, AddressField>, owner: AddressOwner): void {
  refuse(wholeAddressProblems(current, true, WHY_CHOICE[owner]));
}
