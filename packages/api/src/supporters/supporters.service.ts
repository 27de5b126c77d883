import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Transaction } from 'kysely';
import { canSee } from '../applications/applications.access';
import { type ApplicationRecord, findApplication } from '../applications/applications.repository';
import { SHELL_EVENTS } from '../applications/shell-events';
import type { AppDeps, SessionUser } from '../context';
import type { DB } from '../db/schema';
import { AppError } from '../errors';
import { MESSAGE_ID_DOMAIN } from '../messaging/messaging.service';
import { recordShellEvent } from '../queue/claims.service';
import { isUuid } from '../regulations/regulations.repository';
import { inMunicipality } from './postcodes';
import type { ConfirmedHow, Supporter } from './supporters.table';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

const MAX_ATTEMPTS = 5;
const notFound = () => new AppError('not_found', 'No application with this id.');
const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const sameName = (a: string, b: string) =>
  a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

interface Applicant {
  id: string;
  name: string;
  email: string | null;
}

async function applicantOf(db: Deps['db'] | Transaction<DB>, app: ApplicationRecord) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('id', '=', app.applicant_id)
    .executeTakeFirstOrThrow() as Promise<Applicant>;
}

/** The applicant may not count as her own supporter: by account, e-mail address or name. */
function isApplicant(s: Supporter, applicant: Applicant): boolean {
  return (
    s.confirmed_user_id === applicant.id ||
    (!!s.email && s.email === applicant.email) ||
    sameName(s.name, applicant.name)
  );
}

export interface SupporterView {
  id: string;
  name: string;
  email: string | null;
  postcode: string | null;
  age: number | null;
  invitedAt: string | null;
  confirmedAt: string | null;
  confirmedHow: ConfirmedHow | null;
  /** False when the postcode lies outside the municipality; null without a postcode. */
  inMunicipality: boolean | null;
  isApplicant: boolean;
  /** Confirmed, and not the applicant: this one counts. */
  counts: boolean;
}

function view(s: Supporter, applicant: Applicant): SupporterView {
  const own = isApplicant(s, applicant);
  return {
    id: s.id,
    name: s.name,
    email: s.email,
    postcode: s.postcode,
    age: s.age,
    invitedAt: s.invited_at ? new Date(s.invited_at).toISOString() : null,
    confirmedAt: s.confirmed_at ? new Date(s.confirmed_at).toISOString() : null,
    confirmedHow: s.confirmed_how,
    inMunicipality: inMunicipality(s.postcode),
    isApplicant: own,
    counts: s.confirmed_at !== null && !own,
  };
}

async function visible(deps: Deps, user: SessionUser, id: string) {
  if (!isUuid(id)) throw notFound();
  const app = await findApplication(deps.db, id);
  if (!app || !canSee(user, app)) throw notFound();
  return app;
}

export async function listSupporters(deps: Deps, user: SessionUser, id: string) {
  const app = await visible(deps, user, id);
  const applicant = await applicantOf(deps.db, app);
  const rows = await deps.db
    .selectFrom('supporters')
    .selectAll()
    .where('application_id', '=', id)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  const items = rows.map((r) => view(r, applicant));
  return { items, confirmed: items.filter((s) => s.counts).length };
}

/**
 * For the engine's supportersAtLeast: the confirmed supporters (the applicant left out), or
 * undefined when the application has none on record and the form's list still counts.
 */
export async function confirmedSupportersFor(
  trx: Transaction<DB>,
  app: ApplicationRecord,
): Promise<{ age: number | null }[] | undefined> {
  const rows = await trx
    .selectFrom('supporters')
    .selectAll()
    .where('application_id', '=', app.id)
    .execute();
  if (rows.length === 0) return undefined;
  const applicant = await applicantOf(trx, app);
  return rows
    .filter((r) => r.confirmed_at !== null && !isApplicant(r, applicant))
    .map((r) => ({ age: r.age }));
}

export interface AddSupporterInput {
  name: string;
  email?: string | null;
  /** A clerk records a signature from a paper list: confirmed at once, with postcode and age. */
  paper?: boolean;
  postcode?: string | null;
  age?: number | null;
}

export async function addSupporter(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: AddSupporterInput,
): Promise<SupporterView> {
  const app = await visible(deps, user, id);
  const own = app.applicant_id === user.id;
  const clerk = user.roles.includes('clerk');
  if (!own && !clerk) {
    throw new AppError('forbidden', 'Only the applicant (or desk staff for them) adds supporters.');
  }
  const applicant = await applicantOf(deps.db, app);
  const ownSupport = () =>
    new AppError('validation_failed', 'The applicant cannot be her own supporter.', {
      invalidParams: [
        {
          name: input.paper ? 'name' : 'email',
          reason: 'The applicant cannot be her own supporter',
          text: {
            nl: 'De aanvrager kan niet haar of zijn eigen ondersteuner zijn.',
            en: 'The applicant cannot be their own supporter.',
          },
        },
      ],
    });
  const now = deps.clock();
  if (input.paper) {
    if (!clerk) throw new AppError('forbidden', 'Only desk staff record a paper list.');
    if (sameName(input.name, applicant.name)) throw ownSupport();
    return deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('supporters')
        .values({
          application_id: app.id,
          name: input.name,
          email: null,
          postcode: input.postcode ?? null,
          age: input.age ?? null,
          confirmed_at: now,
          confirmed_how: 'paper',
          created_by: user.id,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordShellEvent(trx, app, user, SHELL_EVENTS.supportConfirmed, now, {
        name: row.name,
        how: 'paper',
      });
      return view(row, applicant);
    });
  }
  const email = input.email?.trim().toLowerCase();
  if (!email) {
    throw new AppError('validation_failed', 'Give the supporter’s e-mail address.', {
      invalidParams: [
        {
          name: 'email',
          reason: 'required',
          text: {
            nl: 'Vul het e-mailadres van de ondersteuner in.',
            en: "Enter the supporter's e-mail address.",
          },
        },
      ],
    });
  }
  if (email === applicant.email || sameName(input.name, applicant.name)) throw ownSupport();
  const token = randomBytes(24).toString('base64url');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('supporters')
      .values({
        application_id: app.id,
        name: input.name,
        email,
        token_hash: hash(token),
        code_hash: hash(code),
        invited_at: now,
        created_by: user.id,
        created_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['application_id', 'email']).where('email', 'is not', null).doNothing(),
      )
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      throw new AppError('conflict', 'This supporter was invited already.', {
        invalidParams: [
          {
            name: 'email',
            reason: 'invited already',
            text: {
              nl: 'Deze ondersteuner is al uitgenodigd.',
              en: 'This supporter has been invited already.',
            },
          },
        ],
      });
    }
    const link = `${deps.config.publicUrl.replace(/\/$/, '')}/steunen?token=${token}`;
    await trx
      .insertInto('outbox')
      .values({
        id: randomUUID(),
        kind: 'mail',
        application_id: app.id,
        message_id: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
        recipient_email: email,
        recipient_name: input.name,
        audience: 'applicant',
        language: 'nl',
        template_key: 'supporter_invitation',
        subject: `Steunt u "${app.title || app.reference}"? / Do you support it?`,
        body: [
          `Beste ${input.name},`,
          `${applicant.name} vraagt subsidie aan voor het bewonersinitiatief "${app.title || app.reference}" (${app.reference}) en noemt u als buurtbewoner die het steunt.`,
          `Bevestig uw steun via deze link: ${link}`,
          `Uw code: ${code}`,
          'Steunt u het niet, of kent u dit niet? Dan hoeft u niets te doen.',
          `(English) ${applicant.name} names you as a neighbour who supports this initiative. Confirm at the link above with code ${code}; if not, do nothing.`,
        ].join('\n\n'),
        variables: JSON.stringify({ reference: app.reference }),
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return view(row, applicant);
  });
}

async function byToken(db: Deps['db'] | Transaction<DB>, token: string, forUpdate = false) {
  if (!token || token.length > 100) return undefined;
  let q = db.selectFrom('supporters').selectAll().where('token_hash', '=', hash(token));
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

const unknownLink = () =>
  new AppError('not_found', 'This confirmation link is not (or no longer) valid.');

/** What the supporter sees before confirming: whose initiative, what it is. */
export async function confirmationInfo(deps: Deps, token: string) {
  const s = await byToken(deps.db, token);
  if (!s) throw unknownLink();
  const app = await findApplication(deps.db, s.application_id);
  if (!app) throw unknownLink();
  const applicant = await applicantOf(deps.db, app);
  const data = app.data as Record<string, unknown>;
  return {
    reference: app.reference,
    title: app.title,
    description: typeof data.description === 'string' ? data.description : null,
    district: app.district,
    applicantName: applicant.name,
    supporterName: s.name,
    confirmedAt: s.confirmed_at ? new Date(s.confirmed_at).toISOString() : null,
  };
}

/** The supporter confirms with the mailed code (and, when logged in, under their account). */
export async function confirmSupport(
  deps: Deps,
  user: SessionUser | null,
  input: { token: string; code: string; postcode: string; age: number },
) {
  const now = deps.clock();
  const found = await byToken(deps.db, input.token);
  if (!found) throw unknownLink();
  if (!found.confirmed_at) {
    if (found.failed_attempts >= MAX_ATTEMPTS) {
      throw new AppError(
        'rate_limited',
        'Too many wrong codes; ask the applicant for a new invitation.',
      );
    }
    const given = Buffer.from(hash(input.code.trim()));
    if (!found.code_hash || !timingSafeEqual(given, Buffer.from(found.code_hash))) {
      // Counted outside any transaction that the refusal would roll back.
      await deps.db
        .updateTable('supporters')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', found.id)
        .execute();
      throw new AppError('validation_failed', 'The code is not right.', {
        invalidParams: [
          {
            name: 'code',
            reason: 'wrong code',
            text: {
              nl: 'Deze code klopt niet. Kijk in de e-mail die u kreeg.',
              en: 'This code is not right. Check the e-mail you received.',
            },
          },
        ],
      });
    }
  }
  return deps.db.transaction().execute(async (trx) => {
    const s = await byToken(trx, input.token, true);
    if (!s) throw unknownLink();
    if (s.confirmed_at) return { confirmedAt: new Date(s.confirmed_at).toISOString() };
    const app = await findApplication(trx, s.application_id, { forUpdate: true });
    if (!app) throw unknownLink();
    if (user && user.id === app.applicant_id) {
      throw new AppError('validation_failed', 'The applicant cannot be her own supporter.', {
        invalidParams: [
          {
            name: 'code',
            reason: 'own application',
            text: {
              nl: 'U kunt uw eigen aanvraag niet steunen.',
              en: 'You cannot support your own application.',
            },
          },
        ],
      });
    }
    // The code proves the mailbox; a DigiD sign-in through the broker is not wired up yet.
    const how: ConfirmedHow = 'code';
    await trx
      .updateTable('supporters')
      .set({
        confirmed_at: now,
        confirmed_how: how,
        confirmed_user_id: user?.id ?? null,
        postcode: input.postcode,
        age: input.age,
      })
      .where('id', '=', s.id)
      .execute();
    await recordShellEvent(
      trx,
      app,
      { id: user?.id ?? `supporter:${s.id}`, roles: [] },
      SHELL_EVENTS.supportConfirmed,
      now,
      { name: s.name, how },
    );
    return { confirmedAt: now.toISOString() };
  });
}
