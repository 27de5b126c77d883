import { useAreaText } from '../i18n/area-text';
import { registerLabelTexts } from '../i18n/label-words';

/**
 * The texts of the work queue, its deadlines and penalties (staff only), kept beside it so a
 * resident's pages do not download them; the case and approvals pages use a few of them too.
 * Dutch is the source; English has the same keys.
 */
const nl = {
  'field.district': 'Wijk',
  'queue.title': 'Werkvoorraad',
  'queue.intro':
    'Aanvragen op volgorde van de wettelijke termijn. Pak een aanvraag op om hem te behandelen.',
  'queue.filters': 'Filters',
  'queue.search': 'Zoek op kenmerk of titel',
  'queue.allStates': 'Alle statussen',
  'queue.openStates': 'Alles wat nog loopt',
  'queue.allDistricts': 'Alle wijken',
  'queue.mine': 'Alleen aan mij toegewezen',
  'queue.overdue': 'Alleen over de termijn',
  'queue.apply': 'Filteren',
  'queue.count.one': '{n} aanvraag gevonden.',
  'queue.count.other': '{n} aanvragen gevonden.',
  'queue.none': 'Geen aanvragen gevonden.',
  'queue.caption': 'Aanvragen, gesorteerd op {sort}',
  'queue.sort.deadline': 'termijn',
  'queue.sort.submitted': 'datum van indienen',
  'queue.sort.updated': 'laatste wijziging',
  'queue.deadline': 'Termijn',
  'queue.noDeadline': 'Geen termijn',
  'queue.noDeadlineClosed': 'De aanvraag is afgehandeld.',
  'queue.noDeadlineOpen': 'Er loopt nu geen wettelijke termijn.',
  'queue.submitted': 'Ingediend',
  'queue.assignee': 'Behandelaar',
  'queue.unassigned': 'Niemand',
  'queue.claim': 'Oppakken',
  'queue.claimNamed': 'Oppakken: {reference}',
  'queue.release': 'Loslaten',
  'queue.releaseNamed': 'Loslaten: {reference}',
  'queue.claimed': 'U behandelt nu {reference}.',
  'queue.released': 'U heeft {reference} losgelaten.',
  'queue.suspended': 'Termijn staat stil',
  'queue.decisionAfterActivity': 'Besluit pas na de activiteit',
  'queue.noticeOfDefault': 'Ingebrekesteld',
  'queue.penaltyFrom': 'Dwangsom vanaf {date}',
  'queue.penaltyRunning': 'Dwangsom loopt sinds {date}',
  'queue.penalties': 'Dwangsom vaststellen',
  'queue.penaltiesIntro':
    'Op deze aanvragen kwam het besluit te laat na een ingebrekestelling, en is een dwangsom verschuldigd. Stel elke dwangsom uiterlijk op de genoemde dag vast bij besluit (artikel 4:18 Awb).',
  'queue.penaltyOwed.one': '{amount} over {n} dag, aan {name}.',
  'queue.penaltyOwed.other': '{amount} over {n} dagen, aan {name}.',
  'queue.penaltySettleBy': 'Vaststellen uiterlijk op {date}.',
  'queue.penaltySettleLate': 'Te laat: had uiterlijk op {date} vastgesteld moeten zijn.',
  'queue.daysLeft.one': 'nog {n} dag',
  'queue.daysLeft.other': 'nog {n} dagen',
  'queue.daysOverdue.one': '{n} dag te laat',
  'queue.daysOverdue.other': '{n} dagen te laat',
  'queue.daysSuspended.one': '{n} dag, staat stil',
  'queue.daysSuspended.other': '{n} dagen, staat stil',
  'queue.decisionOnHold': 'Beslistermijn staat stil',
  'queue.more': 'Meer laden',
};

const en: Record<keyof typeof nl, string> = {
  'field.district': 'District',
  'queue.title': 'Work queue',
  'queue.intro':
    'Applications in order of their legal deadline. Claim an application to handle it.',
  'queue.filters': 'Filters',
  'queue.search': 'Search by reference or title',
  'queue.allStates': 'All statuses',
  'queue.openStates': 'Everything still running',
  'queue.allDistricts': 'All districts',
  'queue.mine': 'Only assigned to me',
  'queue.overdue': 'Only overdue',
  'queue.apply': 'Filter',
  'queue.count.one': '{n} application found.',
  'queue.count.other': '{n} applications found.',
  'queue.none': 'No applications found.',
  'queue.caption': 'Applications, sorted by {sort}',
  'queue.sort.deadline': 'deadline',
  'queue.sort.submitted': 'date submitted',
  'queue.sort.updated': 'last change',
  'queue.deadline': 'Deadline',
  'queue.noDeadline': 'No deadline',
  'queue.noDeadlineClosed': 'The application has been dealt with.',
  'queue.noDeadlineOpen': 'No legal deadline runs now.',
  'queue.submitted': 'Submitted',
  'queue.assignee': 'Assignee',
  'queue.unassigned': 'Nobody',
  'queue.claim': 'Claim',
  'queue.claimNamed': 'Claim: {reference}',
  'queue.release': 'Release',
  'queue.releaseNamed': 'Release: {reference}',
  'queue.claimed': 'You are now handling {reference}.',
  'queue.released': 'You released {reference}.',
  'queue.suspended': 'Clock stopped',
  'queue.decisionAfterActivity': 'Decision only after the activity',
  'queue.noticeOfDefault': 'Notice of default',
  'queue.penaltyFrom': 'Penalty from {date}',
  'queue.penaltyRunning': 'Penalty running since {date}',
  'queue.penalties': 'Penalties to set',
  'queue.penaltiesIntro':
    'On these applications the decision came late after a notice of default, and a penalty is owed. Set each penalty by decision no later than the day given (article 4:18 Awb).',
  'queue.penaltyOwed.one': '{amount} for {n} day, to {name}.',
  'queue.penaltyOwed.other': '{amount} for {n} days, to {name}.',
  'queue.penaltySettleBy': 'Set it no later than {date}.',
  'queue.penaltySettleLate': 'Late: it should have been set by {date}.',
  'queue.daysLeft.one': '{n} day left',
  'queue.daysLeft.other': '{n} days left',
  'queue.daysOverdue.one': '{n} day overdue',
  'queue.daysOverdue.other': '{n} days overdue',
  'queue.daysSuspended.one': '{n} day, on hold',
  'queue.daysSuspended.other': '{n} days, on hold',
  'queue.decisionOnHold': 'Decision term on hold',
  'queue.more': 'Load more',
};

export const queueTexts = { nl, en } as const;

registerLabelTexts(queueTexts);

/** The shared i18n, its `t` and `tn` knowing these texts too. */
export function useQueueText() {
  return useAreaText(queueTexts);
}
