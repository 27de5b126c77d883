import { randomBytes, randomInt } from 'node:crypto';
import { isApplicantLine, supportersOnForm, supportersRule } from '@initiatief/engine';
import { applicantOnly, canSee } from '../applications/applications.access';
import { type ApplicationRecord, findApplication } from '../applications/applications.repository';
import type { SupporterConfirmation } from '../applications/applications.table';
import { SHELL_EVENTS } from '../applications/shell-events';
import { STAFF_ROLES } from '../auth/roles';
import type { SessionUser } from '../context';
import { loadDefinition } from '../definitions/definitions.repository';
import { actsForApplicant } from '../desk/authorisations.repository';
import { AppError, refusedIn } from '../errors';
import { SUPPORTER_INVITATION } from '../messaging/mail.compose';
import { insertMails, mailRow } from '../messaging/messaging.service';
import { webAddress } from '../messaging/web-address';
import { recordShellEvent } from '../queue/claims.service';
import { isUuid } from '../regulations/regulations.repository';
import { inMunicipality } from './postcodes';
import { countingOf } from './supporters.counting';
import {
  type Applicant,
  applicantOf,
  type Deps,
  hash,
  isApplicant,
  ruleOf,
} from './supporters.shared';
import type { ConfirmedHow, Supporter } from './supporters.table';

const notFound = () => new AppError('not_found', 'No application with this id.');

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
  if (!app || !canSee(user, app, await actsForApplicant(deps.db, user, app))) throw notFound();
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
  const views = rows.map((r) => view(r, applicant));
  const def = await loadDefinition(deps.db, app.definition_key, app.definition_version);
  // The definition's own rule: without one, nobody needs to be invited.
  const rule = supportersRule(def);
  const regulation = await deps.db
    .selectFrom('regulations')
    .select('district')
    .where('id', '=', app.regulation_id)
    .executeTakeFirst();
  // Per supporter whether the step counts him, as the engine reads who confirmed.
  const counting = rule
    ? countingOf(
        def,
        rule,
        views.map((s) => ({ ...s, confirmed: s.confirmedAt !== null })),
        { data: app.data, regulationDistrict: regulation?.district ?? null },
      )
    : null;
  // A supporter gives the municipality his postcode and age to be counted, not the applicant:
  // she (and whoever acts for her) reads only whether he counts and why not (the verdict).
  const staff = user.roles.some((r) => STAFF_ROLES.includes(r));
  const items = views.map((s, i) => ({
    ...s,
    ...(staff ? {} : { postcode: null, age: null }),
    verdict: counting?.verdicts[i] ?? null,
  }));
  return {
    items,
    confirmed: items.filter((s) => s.counts).length,
    counted: counting?.counted ?? null,
    district: counting?.district
      ? { name: counting.district.name, label: counting.district.label }
      : null,
    // The engine's own reading of the form's list: the shell names no field of a workflow.
    onForm: supportersOnForm(app.data as Record<string, unknown>).length,
    // The engine's rule (confirmedSupportersFrom): once anyone is invited, only those who
    // confirmed count; until then the names on the form do.
    counting: rows.length > 0 ? ('confirmed' as const) : ('form' as const),
    rule: rule && { count: rule.count, minAge: rule.minAge },
  };
}

/** The invitation: the link, and the code where the regulation lets it be enough. */
function invitationBody(m: {
  name: string;
  applicant: string;
  app: ApplicationRecord;
  link: string;
  code: string;
  rule: SupporterConfirmation;
}): string {
  const what = m.app.title || m.app.reference;
  const digidOnly = m.rule === 'digid';
  return [
    `Beste ${m.name},`,
    `${m.applicant} vraagt subsidie aan voor het bewonersinitiatief ‘${what}’ (${m.app.reference}) en noemt u als buurtbewoner die het steunt.`,
    `Bevestig uw steun via deze link: ${m.link}`,
    digidOnly
      ? 'U logt daar in met DigiD.'
      : `Daar logt u in met DigiD, of u vult deze code in.\n\nUw code: ${m.code}`,
    'Steunt u het niet, of kent u dit niet? Dan hoeft u niets te doen.',
    digidOnly
      ? `(English) ${m.applicant} names you as a neighbour who supports this initiative. Confirm at the link above by signing in with DigiD; if not, do nothing.`
      : `(English) ${m.applicant} names you as a neighbour who supports this initiative. Confirm at the link above with DigiD or with code ${m.code}; if not, do nothing.`,
  ].join('\n\n');
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
    throw applicantOnly('supporters');
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
    if (!clerk) {
      throw refusedIn('forbidden', {
        nl: 'Alleen een medewerker dienstverlening legt handtekeningen van een papieren lijst vast.',
        en: 'Only desk staff record signatures from a paper list.',
      });
    }
    if (isApplicantLine(input, applicant.name, applicant.postcode)) throw ownSupport();
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
  // An invitation names no postcode: her name is hers (isApplicantLine), as it was before.
  if (email === applicant.email || isApplicantLine(input, applicant.name, applicant.postcode)) {
    throw ownSupport();
  }
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
    // The invitation is in both languages; the router opens the Dutch address in either.
    const link = `${webAddress(deps.config.publicUrl, '/steunen', 'nl')}?token=${token}`;
    await insertMails(trx, [
      mailRow({
        applicationId: app.id,
        to: { email, name: input.name },
        audience: 'applicant',
        language: 'nl',
        template: SUPPORTER_INVITATION,
        text: {
          subject: `Steunt u ‘${app.title || app.reference}’? / Do you support it?`,
          body: invitationBody({
            name: input.name,
            applicant: applicant.name,
            app,
            link,
            code,
            rule: await ruleOf(trx, app),
          }),
        },
        from: await loadDefinition(trx, app.definition_key, app.definition_version),
        variables: { reference: app.reference },
        now,
      }),
    ]);
    return view(row, applicant);
  });
}
