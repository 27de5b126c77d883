import { createApplication, referencePrefix, toAmsterdamDate } from '@initiatief/engine';
import type { Kysely, Transaction } from 'kysely';
import { refuseAttachmentsAtCreation } from '../attachments/attachments.refs';
import type { AppDeps, SessionUser } from '../context';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { actsForApplicant } from '../desk/authorisations.repository';
import { AppError, refusedIn } from '../errors';
import { authoriseByMandate } from '../oidc/machtigen.service';
import { factsFor, findRegulation, isUuid } from '../regulations/regulations.repository';
import {
  actorFor,
  applicantCanLogIn,
  applicantOnly,
  canEditAsApplicant,
  canSee,
  isStaff,
  onBehalfOf,
  readerFor,
} from './applications.access';
import { columnsOf, persistEffects } from './applications.command';
import { type ApplicationDetail, toDetail } from './applications.detail';
import { applyEdit } from './applications.edit';
import { engineCall, notApproved, outsideApplicationPeriod } from './applications.errors';
import { ensureReferenceSequence, findApplicationWithRegulation } from './applications.repository';
import { insertApplicationWithHistory } from './applications.statements';

export type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** A strong ETag per application version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** True when an If-Match header names the current version (or `*`). */
export function ifMatchMatches(header: string, version: number): boolean {
  const current = etagOf(version);
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === current);
}

export const notFound = () => new AppError('not_found', 'No application with this id.');

/** 412: the If-Match names an older version than the locked row's. */
export const changedSince = (version: number) =>
  new AppError(
    'precondition_failed',
    `The application changed since you loaded it (now version ${version}).`,
    { extra: { currentVersion: version }, headers: { ETag: etagOf(version) } },
  );

/**
 * Loads an application the user may see, with its regulation, in one round trip; anything else
 * is 404 (never reveal that it exists).
 */
export async function visibleWithRegulation(
  db: Kysely<DB> | Transaction<DB>,
  user: SessionUser,
  id: string,
  opts: { forUpdate?: boolean; supporters?: boolean } = {},
) {
  if (!isUuid(id)) throw notFound();
  const found = await findApplicationWithRegulation(db, id, opts);
  if (!found) throw notFound();
  const agent = await actsForApplicant(db, user, found.app);
  if (!canSee(user, found.app, agent)) throw notFound();
  return {
    app: found.app,
    reg: found.regulation,
    people: found.people,
    agent,
    supporters: found.supporters ?? null,
  };
}

export async function getApplication(
  deps: Deps,
  user: SessionUser,
  id: string,
): Promise<ApplicationDetail> {
  const { app, reg, people, agent } = await visibleWithRegulation(deps.db, user, id);
  const [def, canLogIn] = await Promise.all([
    loadDefinition(deps.db, app.definition_key, app.definition_version),
    applicantCanLogIn(deps.db, user, app, people),
  ]);
  return toDetail(def, app, reg, user, deps.clock(), people, agent, canLogIn);
}

export interface CreateInput {
  regulationId: string;
  data?: Record<string, unknown>;
  applicantId?: string;
}

/**
 * Creates a draft. An applicant applies for themselves; a clerk files for a resident
 * (`applicantId`), and the history records that it was on the resident's behalf.
 */
export async function createApplicationCommand(
  deps: Deps,
  user: SessionUser,
  input: CreateInput,
): Promise<ApplicationDetail> {
  const now = deps.clock();
  const isClerk = user.roles.includes('clerk');
  const isApplicant = user.roles.includes('applicant');
  // Signed in through DigiD Machtigen for a resident: what this session starts is hers.
  const mandate = user.actingFor;
  let applicantId: string;
  if (mandate && (input.applicantId ?? mandate.id) === mandate.id) {
    applicantId = mandate.id;
  } else if (input.applicantId && input.applicantId !== user.id) {
    if (!isClerk) {
      throw refusedIn('forbidden', {
        nl: 'Alleen een medewerker dienstverlening doet een aanvraag voor een inwoner.',
        en: 'Only desk staff may apply on behalf of a resident.',
      });
    }
    applicantId = input.applicantId;
  } else if (isApplicant) {
    applicantId = user.id;
  } else if (isClerk) {
    throw new AppError('validation_failed', 'Name the resident you apply for.', {
      invalidParams: [
        {
          name: 'applicantId',
          reason: 'required when applying on behalf',
          text: { nl: 'Kies voor wie de aanvraag is.', en: 'Choose whom the application is for.' },
        },
      ],
    });
  } else {
    throw new AppError('forbidden', 'Only residents and desk staff create applications.');
  }

  const year = Number(toAmsterdamDate(now).slice(0, 4));
  await ensureReferenceSequence(deps.db, year);
  return deps.db.transaction().execute(async (trx) => {
    let applicantName = user.name;
    // Her postcode tells her own line among the supporters from a namesake's (isApplicantLine).
    let applicantPostcode: string | null = null;
    if (applicantId === user.id) {
      const own = await trx
        .selectFrom('users')
        .select('postcode')
        .where('id', '=', user.id)
        .executeTakeFirst();
      applicantPostcode = own?.postcode ?? null;
    } else {
      const applicant = isUuid(applicantId)
        ? await trx
            .selectFrom('users')
            .select(['id', 'roles', 'name', 'postcode'])
            .where('id', '=', applicantId)
            .executeTakeFirst()
        : undefined;
      if (!applicant || !(applicant.roles as string[]).includes('applicant')) {
        throw new AppError('validation_failed', 'No resident with this id.', {
          invalidParams: [
            {
              name: 'applicantId',
              reason: 'unknown resident',
              text: { nl: 'Deze bewoner is niet bekend.', en: 'This resident is not known.' },
            },
          ],
        });
      }
      applicantName = applicant.name;
      applicantPostcode = applicant.postcode;
    }
    const reg = isUuid(input.regulationId)
      ? await findRegulation(trx, input.regulationId)
      : undefined;
    if (!reg) {
      throw new AppError('validation_failed', 'No regulation with this id.', {
        invalidParams: [
          {
            name: 'regulationId',
            reason: 'unknown regulation',
            text: { nl: 'Deze regeling bestaat niet.', en: 'This regulation does not exist.' },
          },
        ],
      });
    }
    if (reg.approvedAt === null) throw notApproved(reg.code);
    const today = toAmsterdamDate(now);
    const outside = outsideApplicationPeriod(reg, today);
    if (outside) throw outside;
    const def = await loadDefinition(trx, reg.workflow.key, reg.workflow.version);
    const viaMandate = mandate?.id === applicantId;
    const actor = actorFor(user, { applicant_id: applicantId }, viaMandate);
    const result = engineCall(() =>
      createApplication(def, {
        now,
        actor,
        facts: { ...factsFor(reg), reader: readerFor(actor, { applicant_id: applicantId }) },
        data: input.data ?? {},
      }),
    );
    const columns = columnsOf(def, result.snapshot, result.state, now, null, factsFor(reg));
    refuseAttachmentsAtCreation(def, columns.data);
    const onBehalf = onBehalfOf(user, { applicant_id: applicantId }, viaMandate);
    const { app, historyId } = await insertApplicationWithHistory(
      trx,
      {
        ...columns,
        district: reg.district,
        year,
        referencePrefix: referencePrefix(def),
        regulationId: reg.id,
        applicantId,
        createdBy: user.id,
        definitionKey: reg.workflow.key,
        definitionVersion: reg.workflow.version,
        now,
      },
      {
        event: result.history.event,
        fromState: result.history.from,
        toState: result.history.to,
        actorId: user.id,
        actorName: user.name,
        actorRoles: actor.roles,
        onBehalfOf: onBehalf,
        payload: result.history.payload ?? {},
        at: now,
      },
    );
    await persistEffects(trx, {
      applicationId: app.id,
      regulationId: reg.id,
      historyId,
      definition: def,
      effects: result.effects,
      now,
    });
    // The mandate covers it after this session too, as it covers her earlier applications.
    if (viaMandate) await authoriseByMandate(trx, app, applicantId, user.id, now);
    const canLogIn = await applicantCanLogIn(trx, user, app);
    const people = { applicant: { name: applicantName, postcode: applicantPostcode } };
    return toDetail(def, app, reg, user, now, people, viaMandate, canLogIn);
  });
}

/** PATCH: merge form data while the definition allows editing; If-Match is required. */
export async function patchApplicationData(
  deps: Deps,
  user: SessionUser,
  id: string,
  input: { data: Record<string, unknown>; ifMatch: string | undefined },
): Promise<ApplicationDetail> {
  if (!isUuid(id)) throw notFound();
  return deps.db.transaction().execute(async (trx) => {
    const { app, reg, people, agent } = await visibleWithRegulation(trx, user, id, {
      forUpdate: true,
    });
    if (!canEditAsApplicant(user, app, agent)) {
      throw applicantOnly('form');
    }
    if (input.ifMatch === undefined) {
      throw new AppError('precondition_required', 'Send If-Match with the ETag you loaded.', {
        headers: { ETag: etagOf(app.version) },
      });
    }
    if (!ifMatchMatches(input.ifMatch, app.version)) throw changedSince(app.version);
    const now = deps.clock();
    const def = await loadDefinition(trx, app.definition_key, app.definition_version);
    const { app: updated } = await applyEdit(trx, {
      app,
      definition: def,
      regulation: reg,
      actor: actorFor(user, app, agent),
      actorName: user.name,
      onBehalfOf: onBehalfOf(user, app, agent),
      data: input.data,
      now,
    });
    const canLogIn = await applicantCanLogIn(trx, user, app, people);
    return toDetail(def, updated, reg, user, now, people, agent, canLogIn);
  });
}

export { type ApplicationDetail, isStaff, toDetail };
