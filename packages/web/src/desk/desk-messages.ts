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
  'admin.deactivateQuestion':
    'Het account van {name} uitzetten? {name} kan dan niet meer inloggen, tot iemand het weer aanzet.',
  'admin.deactivated': 'Het account van {name} is uitgezet; inloggen kan niet meer.',
  'admin.reactivate': 'Account weer aanzetten',
  'admin.reactivateNamed': 'Account weer aanzetten van {name}',
  'admin.reactivated': 'Het account van {name} is weer actief.',
  'admin.resetButton': 'Nieuw wachtwoord',
  'admin.resetNamed': 'Nieuw wachtwoord voor {name}',
  'admin.resetQuestion':
    'Een nieuw wachtwoord voor {name} maken? Het huidige wachtwoord werkt dan niet meer; geef {name} het nieuwe zelf door.',
  'admin.rolesOf': 'Rollen van {name}',
  'admin.you': 'Dit bent u.',
  'admin.noRoles': 'Kies minstens één rol.',
  'admin.ownAdminRole':
    'Uw eigen beheerdersrol kunt u niet weghalen. Dat doet een andere beheerder.',
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
  'timeline.supportConfirmed': '{name} steunt het initiatief',

  'approvals.title': 'Te beslissen',
  'approvals.intro':
    'Aanvragen met een voorstel van een behandelaar, die wachten op uw besluit. De oudste termijn staat bovenaan.',
  'approvals.caption': 'Voorstellen die wachten op een besluit',
  'approvals.none': 'Er wachten geen voorstellen op een besluit.',
  'approvals.reference': 'Kenmerk',
  'approvals.initiative': 'Initiatief',
  'approvals.resident': 'Bewoner',
  'approvals.assessor': 'Behandelaar',
  'approvals.proposal': 'Voorstel',
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
  'supporters.title': 'Ondersteuners uit de buurt',
  'supporters.rule': 'Er zijn minstens {count} ondersteuners van {age} jaar of ouder nodig.',
  'supporters.intro':
    'Elke ondersteuner krijgt een e-mail met een link en een code en bevestigt zelf. Alleen bevestigde ondersteuners tellen mee.',
  'supporters.count.one': '{n} ondersteuner heeft bevestigd.',
  'supporters.count.other': '{n} ondersteuners hebben bevestigd.',
  'supporters.countForm.one':
    'Er staat {n} ondersteuner op het formulier; als die oud genoeg is, telt die mee.',
  'supporters.countForm.other':
    'Er staan {n} ondersteuners op het formulier; wie oud genoeg is, telt mee.',
  'supporters.formUntilInvited':
    'Zodra iemand is uitgenodigd, tellen alleen nog de ondersteuners die zelf bevestigen.',
  'supporters.introForm':
    'Een ondersteuner die wordt uitgenodigd, krijgt een e-mail met een link en een code en bevestigt zelf.',
  'supporters.noneInvited': 'Er is nog niemand uitgenodigd om zelf te bevestigen.',
  'supporters.caption': 'Ondersteuners en hoe zij hebben bevestigd',
  'supporters.name': 'Naam',
  'supporters.email': 'E-mailadres',
  'supporters.postcode': 'Postcode',
  'supporters.age': 'Leeftijd',
  'supporters.confirmed': 'Bevestigd',
  'supporters.notYet': 'Nog niet bevestigd (uitgenodigd {date})',
  'supporters.how.code': 'met de code uit de e-mail',
  'supporters.how.digid': 'met DigiD',
  'supporters.how.paper': 'op de papieren lijst aan de balie',
  'supporters.confirmedOn': '{date}, {how}',
  'supporters.outside': 'Buiten Rotterdam',
  'supporters.isApplicant': 'Dit is de aanvrager zelf; telt niet mee',
  'supporters.none': 'Er zijn nog geen ondersteuners.',
  'supporters.invite': 'Ondersteuner uitnodigen',
  'supporters.paper': 'Getekend op de papieren lijst (zonder e-mail)',
  'supporters.add': 'Toevoegen',
  'supporters.invited': '{name} krijgt een e-mail met een link en een code.',
  'supporters.recorded': 'De handtekening van {name} is vastgelegd.',
  'supporters.nameRequired': 'Vul de naam van de ondersteuner in.',
  'supporters.emailRequired': 'Vul het e-mailadres van de ondersteuner in.',
  'supporters.postcodeRequired': 'Vul de postcode in, bijvoorbeeld 3083 AB.',
  'supporters.ageRequired': 'Vul de leeftijd in.',

  'authorise.title': 'Iemand machtigen',
  'authorise.intro':
    'Laat een familielid of een vrijwilliger van een wijkhub deze aanvraag voor u regelen. Die persoon logt in met een eigen account; in het verloop staat dat het namens u was.',
  'authorise.email': 'E-mailadres van het account van die persoon',
  'authorise.button': 'Machtigen',
  'authorise.done': '{name} mag nu namens u handelen.',
  'authorise.caption': 'Wie namens u mag handelen',
  'authorise.who': 'Naam',
  'authorise.since': 'Sinds',
  'authorise.revoke': 'Machtiging intrekken',
  'authorise.revokeNamed': 'Machtiging intrekken van {name}',
  'authorise.revoked': 'De machtiging van {name} is ingetrokken.',
  'authorise.emailRequired': 'Vul een geldig e-mailadres in.',
  'timeline.authorised': '{name} gemachtigd',
  'timeline.requestPosted': 'Verzoek om aanvulling per post verstuurd',
  'timeline.requestPostedText':
    'De brief is op {sent} gepost. De termijn om aan te vullen loopt vanaf die dag: aanvullen kan tot en met {due}.',
  'timeline.mailBounced': 'Een e-mail kon niet worden bezorgd',
  'timeline.mailBouncedSubject': 'Het ging om “{subject}”.',
  'timeline.mailBouncedByPost':
    'De brief die erbij hoorde, sturen wij per post. Brieven gaan voortaan per post, tot u een werkend e-mailadres opgeeft.',
  'onBehalf.banner': 'U vult deze aanvraag in namens {name}.',
  'onBehalf.bannerActs': 'Dit is de aanvraag van {name}. U handelt namens deze bewoner.',
  'onBehalf.done': 'Gelukt: u heeft namens {name} de stap ‘{event}’ gedaan.',
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
  'admin.deactivateQuestion':
    "Deactivate {name}'s account? {name} can no longer log in until someone reactivates it.",
  'admin.deactivated': "{name}'s account was deactivated; logging in is no longer possible.",
  'admin.reactivate': 'Reactivate account',
  'admin.reactivateNamed': 'Reactivate the account of {name}',
  'admin.reactivated': "{name}'s account is active again.",
  'admin.resetButton': 'New password',
  'admin.resetNamed': 'New password for {name}',
  'admin.resetQuestion':
    'Make a new password for {name}? The current password then stops working; pass the new one on to {name} yourself.',
  'admin.rolesOf': 'Roles of {name}',
  'admin.you': 'This is you.',
  'admin.noRoles': 'Choose at least one role.',
  'admin.ownAdminRole': 'You cannot remove your own administrator role. Another administrator can.',
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
  'timeline.supportConfirmed': '{name} supports the initiative',

  'approvals.title': 'To decide',
  'approvals.intro':
    "Applications with an assessor's proposal, waiting for your decision. The earliest deadline comes first.",
  'approvals.caption': 'Proposals waiting for a decision',
  'approvals.none': 'No proposals are waiting for a decision.',
  'approvals.reference': 'Reference',
  'approvals.initiative': 'Initiative',
  'approvals.resident': 'Resident',
  'approvals.assessor': 'Assessor',
  'approvals.proposal': 'Proposal',
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
  'supporters.title': 'Supporters from the neighbourhood',
  'supporters.rule': 'At least {count} supporters aged {age} or older are needed.',
  'supporters.intro':
    'Every supporter receives an e-mail with a link and a code and confirms themselves. Only confirmed supporters count.',
  'supporters.count.one': '{n} supporter has confirmed.',
  'supporters.count.other': '{n} supporters have confirmed.',
  'supporters.countForm.one': '{n} supporter is named on the form; if old enough, they count.',
  'supporters.countForm.other': '{n} supporters are named on the form; those old enough count.',
  'supporters.formUntilInvited':
    'Once anyone is invited, only supporters who confirm themselves count.',
  'supporters.introForm':
    'A supporter who is invited receives an e-mail with a link and a code and confirms themselves.',
  'supporters.noneInvited': 'Nobody has been invited to confirm yet.',
  'supporters.caption': 'Supporters and how they confirmed',
  'supporters.name': 'Name',
  'supporters.email': 'E-mail address',
  'supporters.postcode': 'Postcode',
  'supporters.age': 'Age',
  'supporters.confirmed': 'Confirmed',
  'supporters.notYet': 'Not confirmed yet (invited {date})',
  'supporters.how.code': 'with the code from the e-mail',
  'supporters.how.digid': 'with DigiD',
  'supporters.how.paper': 'on the paper list at the desk',
  'supporters.confirmedOn': '{date}, {how}',
  'supporters.outside': 'Outside Rotterdam',
  'supporters.isApplicant': 'This is the applicant; does not count',
  'supporters.none': 'There are no supporters yet.',
  'supporters.invite': 'Invite a supporter',
  'supporters.paper': 'Signed on the paper list (no e-mail)',
  'supporters.add': 'Add',
  'supporters.invited': '{name} will receive an e-mail with a link and a code.',
  'supporters.recorded': "{name}'s signature was recorded.",
  'supporters.nameRequired': "Enter the supporter's name.",
  'supporters.emailRequired': "Enter the supporter's e-mail address.",
  'supporters.postcodeRequired': 'Enter the postcode, for example 3083 AB.',
  'supporters.ageRequired': 'Enter the age.',
  'authorise.title': 'Authorise someone',
  'authorise.intro':
    'Let a relative or a volunteer at a help point handle this application for you. That person logs in with their own account; the history says it was on your behalf.',
  'authorise.email': "E-mail address of that person's account",
  'authorise.button': 'Authorise',
  'authorise.done': '{name} may now act on your behalf.',
  'authorise.caption': 'Who may act on your behalf',
  'authorise.who': 'Name',
  'authorise.since': 'Since',
  'authorise.revoke': 'Withdraw authorisation',
  'authorise.revokeNamed': 'Withdraw the authorisation of {name}',
  'authorise.revoked': "{name}'s authorisation was withdrawn.",
  'authorise.emailRequired': 'Enter a valid e-mail address.',
  'timeline.authorised': '{name} authorised',
  'timeline.requestPosted': 'Request to supplement sent by post',
  'timeline.requestPostedText':
    'The letter was posted on {sent}. The period to supplement runs from that day: the application can be supplemented up to and including {due}.',
  'timeline.mailBounced': 'An e-mail could not be delivered',
  'timeline.mailBouncedSubject': 'It was “{subject}”.',
  'timeline.mailBouncedByPost':
    'We are sending the letter that came with it by post. Letters now go by post until you give a working e-mail address.',
  'onBehalf.banner': 'You are filling in this application on behalf of {name}.',
  'onBehalf.bannerActs': 'This is the application of {name}. You act on behalf of this resident.',
  'onBehalf.done': 'Done: you took the step ‘{event}’ on behalf of {name}.',
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
  const dn = (key: 'search.count' | 'supporters.count' | 'supporters.countForm', n: number) =>
    d(`${key}.${plural.select(n) === 'one' ? 'one' : 'other'}` as DeskMessageKey, { n });
  return { ...i18n, d, dn };
}
