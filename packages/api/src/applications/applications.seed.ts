import { toAmsterdamDate } from '@initiatief/engine';
import type { Kysely } from 'kysely';
import type { UserRole } from '../auth/roles';
import type { SessionUser } from '../context';
import type { DB } from '../db/schema';
import {
  ensureShippedDefinitions,
  newestShipped,
  readShippedDefinitions,
} from '../definitions/definitions.repository';
import { upsertRegulation } from '../regulations/regulations.repository';
import { sendEvent } from './applications.events';
import { demoFormData, demoSmallBudgetData, onlyFormFields } from './applications.fixtures';
import { createApplicationCommand } from './applications.service';

/** Three Rotterdam districts with their yearly ceiling (subsidieplafond) and maximum per application. */
export const DEMO_DISTRICTS = [
  { district: 'Delfshaven', ceilingCents: 15_000_000, maxAmountCents: 1_000_000 },
  { district: 'Feijenoord', ceilingCents: 12_000_000, maxAmountCents: 2_000_000 },
  { district: 'Charlois', ceilingCents: 8_000_000, maxAmountCents: 1_000_000 },
] as const;

/** Klein buurtbudget in the same districts: at most EUR 1,500, decided within 4 weeks. */
export const DEMO_SMALL_BUDGET = { ceilingCents: 3_000_000, maxAmountCents: 150_000 } as const;

type DemoState =
  | 'draft'
  | 'submitted'
  | 'info_requested'
  | 'assessed'
  | 'granted'
  | 'rejected'
  | 'withdrawn';

// The seed drives the shipped workflows through their own events; it names their keys.
const BEWONERSINITIATIEF = 'bewonersinitiatief';
const KLEIN_BUURTBUDGET = 'klein-buurtbudget';

const DEMO_APPLICATIONS: {
  as: string;
  workflow?: typeof KLEIN_BUURTBUDGET;
  forResident?: string;
  district: (typeof DEMO_DISTRICTS)[number]['district'];
  title: string;
  /** The resident's own words, and a budget line's description per amount. */
  description: string;
  lines: string[];
  amountsCents: number[];
  state: DemoState;
}[] = [
  {
    as: 'resident@example.org',
    district: 'Delfshaven',
    title: 'Buurtmoestuin Spangen',
    description:
      'Moestuinbakken op het pleintje achter de Spaansebocht, die buren samen onderhouden. Kinderen van de basisschool planten mee.',
    lines: ['Houten bakken en aarde', 'Zaden, planten en gereedschap'],
    amountsCents: [85_000, 40_000],
    state: 'draft',
  },
  {
    as: 'resident@example.org',
    district: 'Delfshaven',
    title: 'Straatfeest Mathenesserlaan',
    description:
      'Een middag met muziek, spelletjes voor kinderen en een lange tafel met eten uit de buurt.',
    lines: ['Huur podium en geluid', 'Tafels, stoelen en tenten'],
    amountsCents: [120_000, 60_000],
    state: 'submitted',
  },
  {
    as: 'resident2@example.org',
    district: 'Feijenoord',
    title: 'Kookclub Afrikaanderwijk',
    description:
      'Elke week koken buurtbewoners samen in het buurthuis en eten ze met wie wil aanschuiven; wie weinig heeft, eet gratis mee.',
    lines: ['Boodschappen voor een jaar'],
    amountsCents: [250_000],
    state: 'info_requested',
  },
  {
    as: 'resident2@example.org',
    district: 'Charlois',
    title: 'Repair café Tarwewijk',
    description:
      'Eén zaterdag per maand repareren vrijwilligers kapotte spullen van buren: fietsen, kleding, lampen en kleine apparaten.',
    lines: ['Gereedschap en onderdelen', 'Koffie en thee voor twaalf middagen'],
    amountsCents: [95_000, 30_000],
    state: 'assessed',
  },
  {
    as: 'resident@example.org',
    district: 'Feijenoord',
    title: 'Zomerschool Katendrecht',
    description:
      'Drie weken in de zomervakantie les en spel voor kinderen van 8 tot 12 jaar, gegeven door studenten uit de wijk.',
    lines: ['Vergoeding begeleiders', 'Lesmateriaal en uitjes'],
    amountsCents: [450_000, 150_000],
    state: 'granted',
  },
  {
    as: 'clerk@example.org',
    forResident: 'resident2@example.org',
    district: 'Delfshaven',
    title: 'Huiswerkclub Bospolder',
    description:
      'Twee middagen per week helpen vrijwilligers scholieren met hun huiswerk in de bibliotheek aan de Schiedamseweg.',
    lines: ['Vergoeding vrijwilligers en materiaal'],
    amountsCents: [200_000],
    state: 'submitted',
  },
  {
    as: 'resident@example.org',
    district: 'Charlois',
    title: 'Vuurwerkshow Oud-Charlois',
    description: 'Een vuurwerkshow op oudejaarsavond boven de Maas voor de hele wijk.',
    lines: ['Professioneel vuurwerk en beveiliging'],
    amountsCents: [900_000],
    state: 'rejected',
  },
  {
    as: 'resident2@example.org',
    district: 'Delfshaven',
    title: 'Buurtbarbecue Schiemond',
    description: 'Een barbecue op het grasveld aan de Schiemond om nieuwe buren te leren kennen.',
    lines: ['Vlees, groente en drinken'],
    amountsCents: [35_000],
    state: 'withdrawn',
  },
  {
    as: 'resident@example.org',
    workflow: KLEIN_BUURTBUDGET,
    district: 'Delfshaven',
    title: 'Buurtbarbecue Spangen',
    description: 'Een barbecue voor de hele straat, met spelletjes voor de kinderen.',
    lines: ['Eten en drinken', 'Huur barbecues en partytent'],
    amountsCents: [60_000, 35_000],
    state: 'draft',
  },
  {
    as: 'resident2@example.org',
    workflow: KLEIN_BUURTBUDGET,
    district: 'Feijenoord',
    title: 'Kinderdisco Hillesluis',
    description:
      'Een middag disco voor kinderen van de basisscholen in Hillesluis, met een dj en limonade.',
    lines: ['Dj en geluid', 'Limonade en snoep'],
    amountsCents: [45_000, 25_000],
    state: 'submitted',
  },
  {
    as: 'resident@example.org',
    workflow: KLEIN_BUURTBUDGET,
    district: 'Charlois',
    title: 'Schoonmaakdag Tarwewijk',
    description:
      'Buren ruimen samen zwerfafval op in de straten en het park, en sluiten af met koffie en soep.',
    lines: ['Grijpers, handschoenen, vuilniszakken en soep'],
    amountsCents: [80_000],
    state: 'granted',
  },
];

/**
 * Demo regulations for three Rotterdam districts, one per shipped workflow (bewonersinitiatief
 * and klein buurtbudget), and applications in several states, driven
 * through the real command path (so history, timers and letters exist). Does nothing when
 * applications exist already or the demo accounts are missing.
 */
export async function seedDemoApplications(
  db: Kysely<DB>,
  clock: () => Date = () => new Date(),
): Promise<{ regulations: number; applications: number }> {
  const any = await db.selectFrom('applications').select('id').limit(1).executeTakeFirst();
  if (any) return { regulations: 0, applications: 0 };
  await ensureShippedDefinitions(db, clock());
  const shipped = await readShippedDefinitions();
  const def = newestShipped(shipped, BEWONERSINITIATIEF);
  const small = newestShipped(shipped, KLEIN_BUURTBUDGET);
  if (!def) return { regulations: 0, applications: 0 };
  const year = Number(toAmsterdamDate(clock()).slice(0, 4));

  const regulationIds: Record<string, string> = {};
  for (const d of DEMO_DISTRICTS) {
    if (small) {
      regulationIds[`${KLEIN_BUURTBUDGET}:${d.district}`] = await upsertRegulation(db, {
        code: `KB-${d.district.toUpperCase()}-${year}`,
        title: `Klein buurtbudget ${d.district} ${year}`,
        district: d.district,
        year,
        ceilingCents: DEMO_SMALL_BUDGET.ceilingCents,
        maxAmountCents: DEMO_SMALL_BUDGET.maxAmountCents,
        // Settled with the grant: the workflow does so always; the threshold says the same.
        directSettlementThresholdCents: DEMO_SMALL_BUDGET.maxAmountCents,
        decisionTermWeeks: 4,
        reportDueWeeks: 12,
        opensOn: `${year}-01-01`,
        closesOn: `${year}-12-31`,
        workflowKey: small.key,
        workflowVersion: small.version,
      });
    }
    regulationIds[d.district] = await upsertRegulation(db, {
      code: `BI-${d.district.toUpperCase()}-${year}`,
      title: `Bewonersinitiatieven ${d.district} ${year}`,
      district: d.district,
      year,
      ceilingCents: d.ceilingCents,
      maxAmountCents: d.maxAmountCents,
      directSettlementThresholdCents: 0,
      decisionTermWeeks: 8,
      reportDueWeeks: 12,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
      workflowKey: def.key,
      workflowVersion: def.version,
    });
  }

  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'roles', 'locale'])
    .where('email', 'in', [
      'resident@example.org',
      'resident2@example.org',
      'clerk@example.org',
      'assessor@example.org',
      'approver@example.org',
    ])
    .execute();
  const users = new Map<string, SessionUser>(
    rows.map((u) => [
      u.email ?? '',
      {
        id: u.id,
        email: u.email ?? '',
        name: u.name,
        roles: u.roles as UserRole[],
        locale: u.locale === 'en' ? 'en' : 'nl',
      },
    ]),
  );
  const assessor = users.get('assessor@example.org');
  const approver = users.get('approver@example.org');
  const regulations = Object.keys(regulationIds).length;
  if (!assessor || !approver) return { regulations, applications: 0 };

  const deps = { db, clock };
  let created = 0;
  for (const demo of DEMO_APPLICATIONS) {
    const actor = users.get(demo.as);
    const resident = users.get(demo.forResident ?? demo.as);
    const regulationId =
      regulationIds[demo.workflow ? `${demo.workflow}:${demo.district}` : demo.district];
    if (!actor || !resident || !regulationId) continue;
    const form = demo.workflow ? demoSmallBudgetData : demoFormData;
    const app = await createApplicationCommand(deps, actor, {
      regulationId,
      applicantId: demo.forResident ? resident.id : undefined,
      data: onlyFormFields(
        demo.workflow ? (small ?? def) : def,
        form(clock(), {
          title: demo.title,
          district: demo.district,
          amountsCents: demo.amountsCents,
          description: demo.description,
          lines: demo.lines,
        }),
      ),
    });
    created++;
    const send = (user: SessionUser, type: string, payload?: unknown) =>
      sendEvent(deps, user, app.id, { type, payload });
    if (demo.state === 'draft') continue;
    if (demo.state === 'withdrawn') {
      await send(actor, 'WITHDRAW');
      continue;
    }
    await send(actor, 'SUBMIT');
    if (demo.state === 'submitted') continue;
    if (demo.state === 'info_requested') {
      await send(assessor, 'REQUEST_INFO', {
        message: 'Wilt u een offerte voor de huur van de keuken meesturen?',
        periodDays: 14,
      });
      continue;
    }
    const reject = demo.state === 'rejected';
    await send(assessor, 'ASSESS', {
      recommendation: reject ? 'reject' : 'grant',
      motivation: reject
        ? 'Vuurwerk past niet bij het wijkakkoord en valt buiten de regeling.'
        : 'Draagt bij aan ontmoeting in de wijk; begroting is redelijk.',
    });
    if (demo.state === 'assessed') continue;
    if (reject) {
      await send(approver, 'REJECT', {
        motivation: 'Vuurwerk past niet bij het wijkakkoord en valt buiten de regeling.',
      });
    } else {
      await send(approver, 'GRANT', { conditions: 'Vermeld de gemeente op de flyer.' });
    }
  }
  return { regulations, applications: created };
}
