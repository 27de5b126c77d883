import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { webAddress } from '../messaging/web-address';
import { withApplicationUrl } from './letter.content';
import type { LetterContent } from './letter.types';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The applications whose resident can log in to read a letter online: an active account with an
 * e-mail address (her password, or the mailed link that sets one: auth/account-links), or one
 * she logs in to with DigiD. A resident a clerk filed at the desk without e-mail cannot; a web
 * address on her letter is of no use to her.
 */
export async function applicationsWithLogin(
  db: Db,
  applicationIds: string[],
): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('users as u', 'u.id', 'a.applicant_id')
    .select('a.id')
    .where('a.id', 'in', [...new Set(applicationIds)])
    .where('u.deactivated_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('u.email', 'is not', null),
        eb.exists(
          eb
            .selectFrom('external_identities as x')
            .select('x.id')
            .whereRef('x.user_id', '=', 'u.id')
            .where('x.provider', '=', 'resident'),
        ),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The stored content with what is resolved when rendering: the application's address in the
 * text, and under the letter its accessible web page, or (`canLogIn` false) none.
 */
export function finishedLetter(
  letter: { id: string; application_id: string; content: LetterContent },
  publicUrl: string,
  canLogIn: boolean,
): LetterContent {
  // In the letter's language: /applications/<id> in an English one (messaging/web-address.ts).
  const url = webAddress(publicUrl, '/aanvragen/:id', letter.content.language, {
    id: letter.application_id,
  });
  return {
    ...letter.content,
    paragraphs: letter.content.paragraphs.map((p) => withApplicationUrl(p, url)),
    links: { html: canLogIn ? `${publicUrl}/api/documents/${letter.id}?format=html` : null },
  };
}
