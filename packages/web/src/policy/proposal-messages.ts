import { useI18n } from '../i18n/i18n';

/** Texts of the four-eyes proposals (issue 14), beside policy-messages.ts in the same style. */
const nl = {
  'prop.title': 'Voorstellen die wachten op een tweede beleidsmedewerker',
  'prop.intro':
    'Een werkproces publiceren, een nieuwe regeling openstellen voor aanvragen, en het werkproces, het plafond, het maximum of het bedrag voor een tweede persoon bij vaststelling van een regeling wijzigen, doen twee beleidsmedewerkers: de een stelt voor met een toelichting, een ander keurt goed of af.',
  'prop.none': 'Er wachten geen voorstellen.',
  'prop.publish': 'Versie {version} van {name} publiceren',
  'prop.regulation': '{name} wijzigen',
  'prop.change.workflowVersion':
    'Werkproces voor nieuwe aanvragen: versie {before} → versie {after}',
  'prop.change.ceilingCents': 'Subsidieplafond: {before} → {after}',
  'prop.change.maxAmountCents': 'Maximum per aanvraag: {before} → {after}',
  'prop.change.fourEyes': 'Vaststelling door een tweede persoon boven: {before} → {after}',
  'prop.change.supporters': 'Ondersteuners bevestigen: {before} → {after}',
  'prop.never': 'nooit',
  'prop.change.other': 'Ook: {list}',
  'prop.by': 'Voorgesteld door {name} op {date}.',
  'prop.comment': 'Toelichting: “{comment}”',
  'prop.decisionComment': 'Uw toelichting (verplicht bij afkeuren)',
  'prop.approve': 'Keur goed: {what}',
  'prop.reject': 'Keur af: {what}',
  'prop.withdraw': 'Trek in: {what}',
  'prop.own':
    'Dit is uw eigen voorstel. Een andere beleidsmedewerker keurt het goed of af; u kunt het wel intrekken.',
  'prop.approved': 'Goedgekeurd en doorgevoerd: {what}.',
  'prop.rejected': 'Afgekeurd: {what}.',
  'prop.withdrawn': 'Ingetrokken: {what}.',
  'prop.history': 'Besloten voorstellen',
  'prop.historyCaption': 'Besloten voorstellen, nieuwste eerst',
  'prop.col.what': 'Voorstel',
  'prop.col.proposed': 'Voorgesteld door',
  'prop.col.decided': 'Besloten door',
  'prop.col.outcome': 'Uitkomst',
  'prop.status.open': 'Wacht',
  'prop.status.approved': 'Goedgekeurd',
  'prop.status.rejected': 'Afgekeurd',
  'prop.status.withdrawn': 'Ingetrokken',
  'prop.proposeLabel': 'Waarom publiceren? De tweede beleidsmedewerker leest dit.',
  'prop.proposeButton': 'Stel voor om versie {version} te publiceren',
  'prop.proposed':
    'Uw voorstel om versie {version} te publiceren wacht nu op een tweede beleidsmedewerker.',
  'prop.regulationComment':
    'Toelichting (nodig als u het werkproces, het plafond, het maximum of het bedrag voor een tweede persoon wijzigt: een tweede beleidsmedewerker keurt dat goed)',
  'prop.regulationProposed':
    'Uw voorstel om {name} te wijzigen wacht nu op een tweede beleidsmedewerker.',
  'prop.frozen':
    'Deze versie wacht op goedkeuring voor publicatie. Trek het voorstel in om haar te wijzigen.',
  'prop.frozenBy':
    'Voorgesteld door {name} op {date}. Alleen {name} kan het voorstel intrekken; een andere beleidsmedewerker keurt het goed of af.',
  'prop.frozenOwn':
    'U heeft dit voorgesteld op {date}. Een andere beleidsmedewerker keurt het goed of af.',
  'prop.withdrawToEdit': 'Voorstel intrekken en verder wijzigen',
  'prop.withdrawnToEdit': 'Het voorstel is ingetrokken. U kunt versie {version} weer wijzigen.',
  'prop.changesLoading': 'De wijzigingen worden opgehaald…',
  'prop.open': '{name} openstellen voor aanvragen',
  'prop.opening.district': 'Wijk: {district}',
  'prop.opening.ceiling': 'Subsidieplafond: {amount}',
  'prop.opening.max': 'Maximum per aanvraag: {amount}',
  'prop.opening.dates': 'Open voor aanvragen van {from} tot en met {to}',
  'prop.opening.workflow': 'Werkproces voor nieuwe aanvragen: {name}',
  'prop.opening.version': 'versie {version}',
  'prop.openComment':
    'Toelichting voor de tweede beleidsmedewerker: waarom deze regeling? Zij is pas open voor aanvragen als die haar goedkeurt.',
  'prop.openProposed':
    '{name} is aangemaakt. Zij is pas open voor aanvragen als een tweede beleidsmedewerker haar goedkeurt.',
  'prop.reopenComment':
    'Toelichting voor de tweede beleidsmedewerker: wat is er anders? Zij is pas open voor aanvragen als die haar goedkeurt.',
  'prop.reopenButton': 'Opslaan en opnieuw voorstellen',
  'prop.commentNeeded': 'Vul een toelichting in: de tweede beleidsmedewerker leest die.',
  'prop.reg.notApproved': 'nog niet goedgekeurd, niet open voor aanvragen',
  'prop.reopenProposed':
    'Uw voorstel om {name} open te stellen wacht nu op een tweede beleidsmedewerker.',
  'prop.reg.waiting': 'wacht op goedkeuring door een tweede beleidsmedewerker',
  'prop.reg.rejected': 'afgekeurd, niet open voor aanvragen',
  'prop.reg.withdrawn': 'voorstel ingetrokken, niet open voor aanvragen',
  'prop.reg.rejectedBy': 'Afgekeurd door {name}: “{comment}”',
  'prop.reg.withdrawnNote': 'Het voorstel om deze regeling open te stellen is ingetrokken.',
  'prop.reg.again': 'Pas de regeling zo nodig aan en stel haar opnieuw voor.',
};

const en: Record<ProposalMessageKey, string> = {
  'prop.title': 'Proposals waiting for a second policy officer',
  'prop.intro':
    'Publishing a workflow, opening a new grant scheme for applications, and changing the workflow, ceiling, maximum or second-person settlement amount of a grant scheme, takes two policy officers: one proposes with a comment, another approves or rejects.',
  'prop.none': 'No proposals are waiting.',
  'prop.publish': 'Publish version {version} of {name}',
  'prop.regulation': 'Change {name}',
  'prop.change.workflowVersion':
    'Workflow for new applications: version {before} → version {after}',
  'prop.change.ceilingCents': 'Budget ceiling: {before} → {after}',
  'prop.change.maxAmountCents': 'Maximum per application: {before} → {after}',
  'prop.change.fourEyes': 'Settlement by a second person above: {before} → {after}',
  'prop.change.supporters': 'Supporters confirm: {before} → {after}',
  'prop.never': 'never',
  'prop.change.other': 'Also: {list}',
  'prop.by': 'Proposed by {name} on {date}.',
  'prop.comment': 'Comment: “{comment}”',
  'prop.decisionComment': 'Your comment (required to reject)',
  'prop.approve': 'Approve: {what}',
  'prop.reject': 'Reject: {what}',
  'prop.withdraw': 'Withdraw: {what}',
  'prop.own':
    'This is your own proposal. Another policy officer approves or rejects it; you can withdraw it.',
  'prop.approved': 'Approved and carried out: {what}.',
  'prop.rejected': 'Rejected: {what}.',
  'prop.withdrawn': 'Withdrawn: {what}.',
  'prop.history': 'Decided proposals',
  'prop.historyCaption': 'Decided proposals, newest first',
  'prop.col.what': 'Proposal',
  'prop.col.proposed': 'Proposed by',
  'prop.col.decided': 'Decided by',
  'prop.col.outcome': 'Outcome',
  'prop.status.open': 'Waiting',
  'prop.status.approved': 'Approved',
  'prop.status.rejected': 'Rejected',
  'prop.status.withdrawn': 'Withdrawn',
  'prop.proposeLabel': 'Why publish? The second policy officer reads this.',
  'prop.proposeButton': 'Propose to publish version {version}',
  'prop.proposed':
    'Your proposal to publish version {version} now waits for a second policy officer.',
  'prop.regulationComment':
    'Comment (needed when you change the workflow, ceiling, maximum or second-person settlement amount: a second policy officer approves that)',
  'prop.regulationProposed':
    'Your proposal to change {name} now waits for a second policy officer.',
  'prop.frozen':
    'This version is waiting for approval to be published. Withdraw the proposal to change it.',
  'prop.frozenBy':
    'Proposed by {name} on {date}. Only {name} can withdraw the proposal; another policy officer approves or rejects it.',
  'prop.frozenOwn': 'You proposed this on {date}. Another policy officer approves or rejects it.',
  'prop.withdrawToEdit': 'Withdraw the proposal and continue editing',
  'prop.withdrawnToEdit':
    'The proposal has been withdrawn. You can change version {version} again.',
  'prop.changesLoading': 'Fetching the changes…',
  'prop.open': 'Open {name} for applications',
  'prop.opening.district': 'District: {district}',
  'prop.opening.ceiling': 'Budget ceiling: {amount}',
  'prop.opening.max': 'Maximum per application: {amount}',
  'prop.opening.dates': 'Open for applications from {from} up to and including {to}',
  'prop.opening.workflow': 'Workflow for new applications: {name}',
  'prop.opening.version': 'version {version}',
  'prop.openComment':
    'Comment for the second policy officer: why this scheme? It opens for applications only once they approve it.',
  'prop.openProposed':
    '{name} has been created. It opens for applications only once a second policy officer approves it.',
  'prop.reopenComment':
    'Comment for the second policy officer: what has changed? It opens for applications only once they approve it.',
  'prop.reopenButton': 'Save and propose again',
  'prop.commentNeeded': 'Enter a comment: the second policy officer reads it.',
  'prop.reg.notApproved': 'not approved yet, not open for applications',
  'prop.reopenProposed': 'Your proposal to open {name} now waits for a second policy officer.',
  'prop.reg.waiting': 'waiting for approval by a second policy officer',
  'prop.reg.rejected': 'rejected, not open for applications',
  'prop.reg.withdrawn': 'proposal withdrawn, not open for applications',
  'prop.reg.rejectedBy': 'Rejected by {name}: “{comment}”',
  'prop.reg.withdrawnNote': 'The proposal to open this scheme was withdrawn.',
  'prop.reg.again': 'Change the scheme where needed and propose it again.',
};

export type ProposalMessageKey = keyof typeof nl;
const catalogues = { nl, en } as const;

/** The shared i18n plus `q()` for the proposal texts. */
export function useProposalText() {
  const i18n = useI18n();
  const catalogue = catalogues[i18n.locale] as Record<ProposalMessageKey, string>;
  const q = (key: ProposalMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
  return { ...i18n, q };
}
