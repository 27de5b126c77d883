import { toAmsterdamDate } from '@initiatief/engine';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { SupporterConfirmation } from '../applications/applications.table';
import type { DB } from '../db/schema';
import { AppError, refusedIn } from '../errors';
import {
  findRegulation,
  type NewRegulation,
  type Regulation,
} from '../regulations/regulations.repository';

type Db = Kysely<DB> | Transaction<DB>;

export interface RegulationChanges {
  title?: string;
  ceilingCents?: number;
  maxAmountCents?: number;
  directSettlementThresholdCents?: number;
  decisionTermWeeks?: number;
  reportDueWeeks?: number;
  settlementFourEyesAboveCents?: number | null;
  supporterConfirmation?: SupporterConfirmation;
  opensOn?: string;
  closesOn?: string;
  workflowKey?: string;
  workflowVersion?: number;
}

/** New applications may only start on a published version. */
async function requirePublished(db: Db, key: string, version: number, field: string) {
  const row = await db
    .selectFrom('workflow_definitions')
    .select(['status', sql<{ nl: string; en: string }>`definition -> 'title'`.as('title')])
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  if (row?.status !== 'published') {
    const nl = row
      ? `Versie ${version} van ‘${row.title.nl}’ is ${row.status === 'retired' ? 'ingetrokken' : 'nog een concept'}: nieuwe aanvragen kunnen alleen op een gepubliceerde versie starten.`
      : `Er is geen versie ${version} van deze werkwijze.`;
    const en = row
      ? `Version ${version} of ‘${row.title.en}’ is ${row.status === 'retired' ? 'retired' : 'still a draft'}: new applications can only start on a published version.`
      : `This workflow has no version ${version}.`;
    throw new AppError(
      'validation_failed',
      'New applications can only start on a published version.',
      {
        invalidParams: [
          {
            name: field,
            reason: row ? `${key} v${version} is ${row.status}` : `no workflow ${key} v${version}`,
            text: { nl, en },
          },
        ],
      },
    );
  }
}

function checkDates(opensOn: string, closesOn: string) {
  if (closesOn < opensOn) {
    throw new AppError('validation_failed', 'The closing date lies before the opening date.', {
      invalidParams: [
        {
          name: 'closesOn',
          reason: 'must be on or after opensOn',
          text: {
            nl: 'De sluitingsdatum moet op of na de openingsdatum liggen.',
            en: 'The closing date must be on or after the opening date.',
          },
        },
      ],
    });
  }
}

/** One application may not ask more than the whole ceiling: it could never be granted. */
function checkMaximum(ceilingCents: number, maxAmountCents: number) {
  if (maxAmountCents > ceilingCents) {
    throw new AppError('validation_failed', 'The maximum per application exceeds the ceiling.', {
      invalidParams: [
        {
          name: 'maxAmountCents',
          reason: 'must not exceed ceilingCents',
          text: {
            nl: 'Het maximum per aanvraag mag niet hoger zijn dan het subsidieplafond.',
            en: 'The maximum per application must not be higher than the grant ceiling.',
          },
        },
      ],
    });
  }
}

function isCheckViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string } | null;
  return (
    e?.code === '23514' && (e.constraint === constraint || (e.message ?? '').includes(constraint))
  );
}

/** What a regulation must be to open: dates in order, maximum within ceiling, a published version. */
export async function checkOpenable(
  db: Db,
  r: Pick<NewRegulation, 'opensOn' | 'closesOn' | 'ceilingCents' | 'maxAmountCents'> & {
    workflow: { key: string; version: number };
  },
): Promise<void> {
  checkDates(r.opensOn, r.closesOn);
  checkMaximum(r.ceilingCents, r.maxAmountCents);
  await requirePublished(db, r.workflow.key, r.workflow.version, 'workflowVersion');
}

/** A new regulation's refusals: those of checkOpenable, and a code that is taken (409). */
export async function checkNewRegulation(db: Db, input: NewRegulation): Promise<void> {
  await checkOpenable(db, {
    ...input,
    workflow: { key: input.workflowKey, version: input.workflowVersion },
  });
  const taken = await db
    .selectFrom('regulations')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) throw codeTaken(input.code);
}

/** The code is the officer's own word: quoted, in both languages. */
export function codeTaken(code: string): AppError {
  return refusedIn('conflict', {
    nl: `Er is al een regeling met de code ‘${code}’. Kies een andere code.`,
    en: `A regulation with the code ‘${code}’ exists already. Choose another code.`,
  });
}

/**
 * Changes a regulation. A ceiling below what is already reserved and committed is refused
 * (the budgets CHECK); the workflow version applies to applications started from now on.
 */
export async function updateRegulation(
  db: Db,
  id: string,
  changes: RegulationChanges,
  /** The change's moment: its applications' deadlines are due to be worked out again from that day. */
  now?: Date,
): Promise<Regulation> {
  const current = await findRegulation(db, id);
  if (!current) throw new AppError('not_found', 'No regulation with this id.');
  const opensOn = changes.opensOn ?? current.opensOn;
  const closesOn = changes.closesOn ?? current.closesOn;
  checkDates(opensOn, closesOn);
  const key = changes.workflowKey ?? current.workflow.key;
  const version = changes.workflowVersion ?? current.workflow.version;
  if (key !== current.workflow.key || version !== current.workflow.version)
    await requirePublished(db, key, version, 'workflowVersion');
  const used = current.budget.reservedCents + current.budget.committedCents;
  if (changes.ceilingCents !== undefined && changes.ceilingCents < used) {
    throw new AppError(
      'validation_failed',
      'The ceiling cannot be lower than what is already reserved and committed.',
      { invalidParams: [{ name: 'ceilingCents', reason: `must be at least ${used}` }] },
    );
  }
  checkMaximum(
    changes.ceilingCents ?? current.ceilingCents,
    changes.maxAmountCents ?? current.maxAmountCents,
  );
  try {
    await db
      .updateTable('regulations')
      .set({
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.ceilingCents !== undefined ? { ceiling_cents: changes.ceilingCents } : {}),
        ...(changes.maxAmountCents !== undefined
          ? { max_amount_cents: changes.maxAmountCents }
          : {}),
        ...(changes.directSettlementThresholdCents !== undefined
          ? { direct_settlement_threshold_cents: changes.directSettlementThresholdCents }
          : {}),
        ...(changes.decisionTermWeeks !== undefined
          ? { decision_term_weeks: changes.decisionTermWeeks }
          : {}),
        ...(changes.reportDueWeeks !== undefined
          ? { report_due_weeks: changes.reportDueWeeks }
          : {}),
        ...(changes.settlementFourEyesAboveCents !== undefined
          ? { settlement_four_eyes_above_cents: changes.settlementFourEyesAboveCents }
          : {}),
        ...(changes.supporterConfirmation !== undefined
          ? { supporter_confirmation: changes.supporterConfirmation }
          : {}),
        opens_on: opensOn,
        closes_on: closesOn,
        workflow_key: key,
        workflow_version: version,
      })
      .where('id', '=', id)
      .execute();
    // A draft's next date is the last day for applications and a grant's may be its report's:
    // the deadlines job works those out again within the hour.
    const reportDue = changes.reportDueWeeks ?? current.reportDueWeeks;
    if (closesOn !== current.closesOn || reportDue !== current.reportDueWeeks) {
      const today = now ? sql<string>`${toAmsterdamDate(now)}::date` : sql<string>`current_date`;
      await db
        .updateTable('applications')
        .set({
          deadlines_recompute_on: sql<string>`least(coalesce(deadlines_recompute_on, ${today}), ${today})`,
        })
        .where('regulation_id', '=', id)
        .execute();
    }
  } catch (err) {
    // A grant committed between the read above and this update.
    if (isCheckViolation(err, 'budgets_within_ceiling')) {
      const text = {
        nl: 'Het budget is lager dan wat al gereserveerd en toegekend is.',
        en: 'The ceiling is lower than what is reserved and committed.',
      };
      throw new AppError('conflict', text.en, { extra: { text } });
    }
    throw err;
  }
  return (await findRegulation(db, id))!;
}
