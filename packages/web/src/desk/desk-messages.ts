import { useI18n } from '../i18n/i18n';

/**
 * The texts of the desk, administration and claim screens, kept beside them so the shared
 * catalogue is not edited by two people at once. Dutch is the source; English has the same keys.
 */
const nl = {
  'admin.title': 'Accounts van medewerkers',
  'admin.intro':
    'Maak accounts voor medewerkers, geef ze rollen, zet accounts uit of geef een nieuw eenmalig wachtwoord. Alles wat u hier doet wordt vastgelegd.',
  'admin.create': 'Nieuw account',
  'admin.name': 'Naam',
  'admin.email': 'E-mailadres',
  'admin.roles': 'Rollen',
  'admin.createButton': 'Account aanmaken',
  'admin.created':
    'Het account van {name} is aangemaakt. Eenmalig wachtwoord: {password}. Geef het persoonlijk door; het wordt niet nog eens getoond.',
  'admin.reset':
    'Nieuw eenmalig wachtwoord voor {name}: {password}. Het oude wachtwoord werkt niet meer; geef dit persoonlijk door.',
  'admin.caption': 'Accounts van medewerkers',
  'admin.status': 'Status',
  'admin.active': 'Actief',
  'admin.inactive': 'Uitgezet',
  'admin.actions': 'Acties',
  'admin.saveRoles': 'Rollen opslaan',
  'admin.saveRolesNamed': 'Rollen opslaan van {name}',
  'admin.rolesSaved':
    'De rollen van {name} zijn opgeslagen. Die gelden vanaf de volgende keer inloggen.',
  'admin.deactivate': 'Account uitzetten',
  'admin.deactivateNamed': 'Account uitzetten van {name}',
  'admin.deactivated': 'Het account van {name} is uitgezet; inloggen kan niet meer.',
  'admin.reactivate': 'Account weer aanzetten',
  'admin.reactivateNamed': 'Account weer aanzetten van {name}',
  'admin.reactivated': 'Het account van {name} is weer actief.',
  'admin.resetButton': 'Nieuw wachtwoord',
  'admin.resetNamed': 'Nieuw wachtwoord voor {name}',
  'admin.rolesOf': 'Rollen van {name}',
  'admin.you': 'Dit bent u.',
  'admin.noRoles': 'Kies minstens één rol.',
  'admin.nameRequired': 'Vul de naam in.',
  'admin.emailRequired': 'Vul een geldig e-mailadres in.',
  'admin.audit': 'Wat er is gewijzigd',
  'admin.auditCaption': 'Wijzigingen aan accounts, nieuwste eerst',
  'admin.auditWhen': 'Wanneer',
  'admin.auditWho': 'Door',
  'admin.auditWhat': 'Wat',
  'admin.auditAccount': 'Account',
  'admin.auditNone': 'Nog niets gewijzigd.',
  'admin.action.created': 'Account aangemaakt ({roles})',
  'admin.action.roles_changed': 'Rollen gewijzigd: {from} → {to}',
  'admin.action.deactivated': 'Account uitgezet',
  'admin.action.reactivated': 'Account weer aangezet',
  'admin.action.password_reset': 'Nieuw eenmalig wachtwoord gegeven',

  'claim.byOther': '{name} behandelt deze aanvraag. U kunt pas iets doen als u hem overneemt.',
  'claim.takeOver': 'Aanvraag overnemen',
  'claim.reason': 'Reden van overnemen (optioneel)',
  'claim.takenOver': 'U behandelt {reference} nu. Dit staat in het verloop.',
  'claim.refused':
    '{name} behandelt deze aanvraag. Neem hem eerst over als u er iets mee wilt doen.',

  'contact.title': 'Klantcontact vastleggen',
  'contact.intro':
    'Leg vast dat u de bewoner heeft gesproken en waarover. Alleen medewerkers zien dit.',
  'contact.channel': 'Hoe',
  'contact.channel.phone': 'Telefoon',
  'contact.channel.desk': 'Aan de balie',
  'contact.channel.email': 'E-mail',
  'contact.channel.letter': 'Brief',
  'contact.summary': 'Waarover',
  'contact.summaryRequired': 'Schrijf kort waarover het contact ging.',
  'contact.save': 'Contact vastleggen',
  'contact.saved': 'Het contact is vastgelegd in het verloop.',

  'timeline.takeOver': 'Overgenomen',
  'timeline.takeOverFrom': 'Overgenomen van {name}',
  'timeline.contact': 'Klantcontact: {channel}',

  'approvals.title': 'Te beslissen',
  'approvals.intro':
    'Aanvragen met een voorstel van een behandelaar, die wachten op uw besluit. De oudste termijn staat bovenaan.',
  'approvals.caption': 'Voorstellen die wachten op een besluit',
  'approvals.none': 'Er wachten geen voorstellen op een besluit.',
  'approvals.reference': 'Kenmerk',
  'approvals.initiative': 'Initiatief',
  'approvals.resident': 'Bewoner',
  'approvals.assessor': 'Behandelaar',
  'approvals.deadline': 'Beslissen vóór',

  'search.title': 'Aanvraag zoeken',
  'search.query': 'Kenmerk, naam, of postcode en huisnummer',
  'search.hint': 'Bijvoorbeeld BI-2026-000012, Jansen, of 3083 AB 12.',
  'search.button': 'Aanvraag vinden',
  'search.caption': 'Gevonden aanvragen',
  'search.none': 'Geen aanvragen gevonden.',
  'search.count.one': '{n} aanvraag gevonden.',
  'search.count.other': '{n} aanvragen gevonden.',
  'search.reference': 'Kenmerk',
  'search.initiative': 'Initiatief',
  'search.resident': 'Bewoner',
  'search.status': 'Status',
  'search.untitled': '(nog zonder naam)',

  'report.title': 'Verantwoording van de bewoner',
  'report.intro':
    'Wat de bewoner na de activiteit heeft ingestuurd. De bijlagen staan bij de bijlagen.',
  'onBehalf.banner': 'U vult deze aanvraag in namens {name}.',
  'onBehalf.done': 'Gelukt, namens {name}: {event}.',
};

const en: Record<keyof typeof nl, string> = {
  'admin.title': 'Staff accounts',
  'admin.intro':
    'Create accounts for staff, give them roles, deactivate accounts or hand out a new one-time password. Everything you do here is recorded.',
  'admin.create': 'New account',
  'admin.name': 'Name',
  'admin.email': 'E-mail address',
  'admin.roles': 'Roles',
  'admin.createButton': 'Create account',
  'admin.created':
    "{name}'s account was created. One-time password: {password}. Hand it over in person; it is not shown again.",
  'admin.reset':
    'New one-time password for {name}: {password}. The old password no longer works; hand this over in person.',
  'admin.caption': 'Staff accounts',
  'admin.status': 'Status',
  'admin.active': 'Active',
  'admin.inactive': 'Deactivated',
  'admin.actions': 'Actions',
  'admin.saveRoles': 'Save roles',
  'admin.saveRolesNamed': 'Save roles of {name}',
  'admin.rolesSaved': "{name}'s roles were saved. They apply from the next login.",
  'admin.deactivate': 'Deactivate account',
  'admin.deactivateNamed': 'Deactivate the account of {name}',
  'admin.deactivated': "{name}'s account was deactivated; logging in is no longer possible.",
  'admin.reactivate': 'Reactivate account',
  'admin.reactivateNamed': 'Reactivate the account of {name}',
  'admin.reactivated': "{name}'s account is active again.",
  'admin.resetButton': 'New password',
  'admin.resetNamed': 'New password for {name}',
  'admin.rolesOf': 'Roles of {name}',
  'admin.you': 'This is you.',
  'admin.noRoles': 'Choose at least one role.',
  'admin.nameRequired': 'Enter the name.',
  'admin.emailRequired': 'Enter a valid e-mail address.',
  'admin.audit': 'What was changed',
  'admin.auditCaption': 'Changes to accounts, newest first',
  'admin.auditWhen': 'When',
  'admin.auditWho': 'By',
  'admin.auditWhat': 'What',
  'admin.auditAccount': 'Account',
  'admin.auditNone': 'Nothing changed yet.',
  'admin.action.created': 'Account created ({roles})',
  'admin.action.roles_changed': 'Roles changed: {from} → {to}',
  'admin.action.deactivated': 'Account deactivated',
  'admin.action.reactivated': 'Account reactivated',
  'admin.action.password_reset': 'New one-time password handed out',

  'claim.byOther': '{name} is handling this application. You can act on it after taking it over.',
  'claim.takeOver': 'Take over this application',
  'claim.reason': 'Reason for taking over (optional)',
  'claim.takenOver': 'You are now handling {reference}. This is recorded in the history.',
  'claim.refused': '{name} is handling this application. Take it over first to act on it.',

  'contact.title': 'Log a contact',
  'contact.intro': 'Record that you spoke with the resident and what about. Only staff see this.',
  'contact.channel': 'How',
  'contact.channel.phone': 'Phone',
  'contact.channel.desk': 'At the desk',
  'contact.channel.email': 'E-mail',
  'contact.channel.letter': 'Letter',
  'contact.summary': 'What about',
  'contact.summaryRequired': 'Write briefly what the contact was about.',
  'contact.save': 'Log contact',
  'contact.saved': 'The contact was recorded in the history.',

  'timeline.takeOver': 'Taken over',
  'timeline.takeOverFrom': 'Taken over from {name}',
  'timeline.contact': 'Contact: {channel}',

  'approvals.title': 'To decide',
  'approvals.intro':
    "Applications with an assessor's proposal, waiting for your decision. The earliest deadline comes first.",
  'approvals.caption': 'Proposals waiting for a decision',
  'approvals.none': 'No proposals are waiting for a decision.',
  'approvals.reference': 'Reference',
  'approvals.initiative': 'Initiative',
  'approvals.resident': 'Resident',
  'approvals.assessor': 'Assessor',
  'approvals.deadline': 'Decide by',

  'search.title': 'Find an application',
  'search.query': 'Reference, name, or postcode and house number',
  'search.hint': 'For example BI-2026-000012, Jansen, or 3083 AB 12.',
  'search.button': 'Find application',
  'search.caption': 'Applications found',
  'search.none': 'No applications found.',
  'search.count.one': '{n} application found.',
  'search.count.other': '{n} applications found.',
  'search.reference': 'Reference',
  'search.initiative': 'Initiative',
  'search.resident': 'Resident',
  'search.status': 'Status',
  'search.untitled': '(no name yet)',

  'report.title': "The resident's report",
  'report.intro':
    'What the resident sent in after the activity. The files are with the attachments.',
  'onBehalf.banner': 'You are filling in this application on behalf of {name}.',
  'onBehalf.done': 'Done on behalf of {name}: {event}.',
};

export type DeskMessageKey = keyof typeof nl;
export const deskCatalogues = { nl, en } as const;

/** The shared i18n plus `d()` for the desk texts. */
export function useDeskText() {
  const i18n = useI18n();
  const catalogue = deskCatalogues[i18n.locale];
  const d = (key: DeskMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
  const plural = new Intl.PluralRules(i18n.locale === 'nl' ? 'nl-NL' : 'en-GB');
  const dn = (key: 'search.count', n: number) =>
    d(`${key}.${plural.select(n) === 'one' ? 'one' : 'other'}` as DeskMessageKey, { n });
  return { ...i18n, d, dn };
}
