import { useI18n } from '../i18n/i18n';
import { registerLabelTexts } from '../i18n/label-words';
import { pluralOf } from '../i18n/numbers';
import { type ShellMessageKey, shellTexts } from './shell-messages';

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
  'contact.summary': 'Waarover',
  'contact.summaryRequired': 'Schrijf kort waarover het contact ging.',
  'contact.save': 'Contact vastleggen',
  'contact.saved': 'Het contact is vastgelegd in het verloop.',

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
  'approvals.deadline': 'Uiterlijk besluit',

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
  'supporters.ruleDistrict':
    'Er zijn minstens {count} ondersteuners uit {district} van {age} jaar of ouder nodig.',
  'supporters.intro':
    'Elke ondersteuner krijgt een e-mail met een link en een code en bevestigt zelf. Alleen bevestigde ondersteuners tellen mee.',
  'supporters.count.one': '{n} ondersteuner heeft bevestigd.',
  'supporters.count.other': '{n} ondersteuners hebben bevestigd.',
  'supporters.counted.one': 'Volgens de regel telt er nu {n} mee.',
  'supporters.counted.other': 'Volgens de regel tellen er nu {n} mee.',
  'supporters.countForm.one':
    'Er staat {n} ondersteuner op het formulier; als die aan de regel hierboven voldoet, telt die mee.',
  'supporters.countForm.other':
    'Er staan {n} ondersteuners op het formulier; wie aan de regel hierboven voldoet, telt mee.',
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
  'authorise.titleEnded': 'Machtigingen',
  'authorise.introEnded':
    'Deze aanvraag is afgesloten: u kunt niemand meer machtigen. Wie u al machtigde, kan de aanvraag nog inzien tot u de machtiging intrekt.',
  'notice.setOn': 'Dwangsom vastgesteld op',
  'notice.setIntro':
    'Is de dwangsom al buiten dit systeem vastgesteld, met een eigen brief? Leg dan vast op welke dag (artikel 4:18 Awb). De pagina zegt dan wat is vastgesteld in plaats van erom te vragen.',
  'notice.decideIntro':
    'Stel de dwangsom vandaag vast bij besluit (artikel 4:18 Awb). De aanvrager krijgt de beschikking met het bedrag, de berekening en de bezwaarclausule: per e-mail, of met de post als zij haar post op papier krijgt.',
  'notice.decide': 'Dwangsom vaststellen en besluit versturen',
  'notOwed.title': 'Geen dwangsom verschuldigd?',
  'notOwed.intro':
    'De wet noemt drie gevallen waarin toch geen dwangsom verschuldigd is (artikel 4:17, zesde lid, Awb). Geldt er een, kies die dan en schrijf waarom. De aanvrager krijgt dat besluit met uw uitleg en de bezwaarclausule.',
  'notOwed.ground': 'Reden',
  'notOwed.choose': 'Kies een reden',
  'notOwed.late_notice': 'De ingebrekestelling kwam onredelijk laat',
  'notOwed.not_interested': 'De aanvrager is geen belanghebbende',
  'notOwed.manifest': 'De aanvraag was kennelijk niet-ontvankelijk of kennelijk ongegrond',
  'notOwed.motivation': 'Uitleg voor de aanvrager',
  'notOwed.motivationHelp': 'Deze tekst komt zo in de brief. Schrijf in gewone woorden waarom.',
  'notOwed.groundRequired': 'Kies de reden waarom geen dwangsom verschuldigd is.',
  'notOwed.motivationRequired':
    'Schrijf in minstens 10 tekens waarom geen dwangsom verschuldigd is.',
  'notOwed.send': 'Besluit geen dwangsom versturen',
  'notOwed.sent':
    'Het besluit dat geen dwangsom verschuldigd is, staat bij de brieven en gaat naar de aanvrager.',
  'notice.decided':
    'De dwangsom is vastgesteld. Het besluit staat bij de brieven en gaat naar de aanvrager: per e-mail, of met de eerstvolgende printronde.',
  'notice.setRequired': 'Vul de dag in waarop de dwangsom is vastgesteld.',
  'notice.setSave': 'Vaststelling vastleggen',
  'notice.setSaved': 'De vaststelling van de dwangsom is vastgelegd.',
  'notice.title': 'Ingebrekestelling',
  'notice.intro':
    'Heeft de aanvrager schriftelijk laten weten dat het besluit te laat is? Leg vast op welke dag die brief of e-mail binnenkwam. Twee weken later gaat een dwangsom lopen voor elke dag zonder besluit (artikel 4:17 Awb).',
  'notice.receivedOn': 'Ontvangen op',
  'notice.receivedRequired': 'Vul de dag in waarop de ingebrekestelling binnenkwam.',
  'notice.save': 'Ingebrekestelling vastleggen',
  'notice.saved': 'De ingebrekestelling is vastgelegd.',
  'notice.received': 'Ontvangen op',
  'notice.termEnded': 'Beslistermijn verstreken op',
  'notice.firstDay': 'Dwangsom vanaf',
  'notice.amount': 'Dwangsom',
  'notice.settleBy': 'Dwangsom vaststellen uiterlijk op',
  'onBehalf.banner': 'U vult deze aanvraag in namens {name}.',
  'onBehalf.bannerActs': 'Dit is de aanvraag van {name}. U handelt namens deze bewoner.',
  'resident.details': 'Gegevens van {name}',
  'resident.email': 'E-mailadres',
  'resident.noEmail': 'Geen; brieven en besluiten gaan per post',
  'resident.address': 'Postadres',
  'resident.noAddress': 'Nog geen postadres bekend',
  'resident.phone': 'Telefoon',
  'resident.changeAddress': 'Postadres wijzigen',
  'resident.addAddress': 'Postadres invullen',
  'resident.cancelAddress': 'Niet wijzigen',
  'resident.addressSaved': 'Het postadres van {name} is vastgelegd: {address}.',
};

const en: Record<keyof typeof nl, string> = {
  'admin.title': 'Staff accounts',
  'admin.intro':
    'Create accounts for staff, give them roles, deactivate accounts or hand out a new one-time password. Everything you do here is recorded.',
  'admin.create': 'New account',
  'admin.name': 'Name',
  'admin.email': 'Email address',
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
  'admin.emailRequired': 'Enter a valid email address.',
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
  'contact.summary': 'What about',
  'contact.summaryRequired': 'Write briefly what the contact was about.',
  'contact.save': 'Log contact',
  'contact.saved': 'The contact was recorded in the history.',

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
  'supporters.ruleDistrict':
    'At least {count} supporters from {district} aged {age} or older are needed.',
  'supporters.intro':
    'Every supporter receives an email with a link and a code and confirms themselves. Only confirmed supporters count.',
  'supporters.count.one': '{n} supporter has confirmed.',
  'supporters.count.other': '{n} supporters have confirmed.',
  'supporters.counted.one': 'By the rule, {n} counts now.',
  'supporters.counted.other': 'By the rule, {n} count now.',
  'supporters.countForm.one':
    '{n} supporter is named on the form; if they meet the rule above, they count.',
  'supporters.countForm.other':
    '{n} supporters are named on the form; those who meet the rule above count.',
  'supporters.formUntilInvited':
    'Once anyone is invited, only supporters who confirm themselves count.',
  'supporters.introForm':
    'A supporter who is invited receives an email with a link and a code and confirms themselves.',
  'supporters.noneInvited': 'Nobody has been invited to confirm yet.',
  'supporters.caption': 'Supporters and how they confirmed',
  'supporters.name': 'Name',
  'supporters.email': 'Email address',
  'supporters.postcode': 'Postcode',
  'supporters.age': 'Age',
  'supporters.confirmed': 'Confirmed',
  'supporters.notYet': 'Not confirmed yet (invited {date})',
  'supporters.confirmedOn': '{date}, {how}',
  'supporters.outside': 'Outside Rotterdam',
  'supporters.isApplicant': 'This is the applicant; does not count',
  'supporters.none': 'There are no supporters yet.',
  'supporters.invite': 'Invite a supporter',
  'supporters.paper': 'Signed on the paper list (no email)',
  'supporters.add': 'Add',
  'supporters.invited': '{name} will receive an email with a link and a code.',
  'supporters.recorded': "{name}'s signature was recorded.",
  'supporters.nameRequired': "Enter the supporter's name.",
  'supporters.emailRequired': "Enter the supporter's email address.",
  'supporters.postcodeRequired': 'Enter the postcode, for example 3083 AB.',
  'supporters.ageRequired': 'Enter the age.',
  'authorise.title': 'Authorise someone',
  'authorise.intro':
    'Let a relative or a volunteer at a help point handle this application for you. That person logs in with their own account; the history says it was on your behalf.',
  'authorise.email': "Email address of that person's account",
  'authorise.button': 'Authorise',
  'authorise.done': '{name} may now act on your behalf.',
  'authorise.caption': 'Who may act on your behalf',
  'authorise.who': 'Name',
  'authorise.since': 'Since',
  'authorise.revoke': 'Withdraw authorisation',
  'authorise.revokeNamed': 'Withdraw the authorisation of {name}',
  'authorise.revoked': "{name}'s authorisation was withdrawn.",
  'authorise.emailRequired': 'Enter a valid email address.',
  'authorise.titleEnded': 'Authorisations',
  'authorise.introEnded':
    'This application is closed: you can no longer authorise anyone. Whoever you authorised can still see it until you revoke their authorisation.',
  'notice.setOn': 'Penalty set on',
  'notice.setIntro':
    'Was the penalty already set outside this system, with a letter of its own? Then record the day (article 4:18 Awb). The page then says what was set instead of asking for it.',
  'notice.decideIntro':
    'Set the penalty by decision today (article 4:18 Awb). The applicant receives the decision with the amount, how it was counted and the objection clause: by e-mail, or by post if she gets her post on paper.',
  'notice.decide': 'Set the penalty and send the decision',
  'notOwed.title': 'No penalty owed?',
  'notOwed.intro':
    'The law names three cases in which no penalty is owed after all (article 4:17(6) Awb). If one applies, choose it and write why. The applicant receives that decision with your explanation and the objection clause.',
  'notOwed.ground': 'Ground',
  'notOwed.choose': 'Choose a ground',
  'notOwed.late_notice': 'The notice of default came unreasonably late',
  'notOwed.not_interested': 'The applicant is not an interested party',
  'notOwed.manifest': 'The application was manifestly inadmissible or manifestly unfounded',
  'notOwed.motivation': 'Explanation for the applicant',
  'notOwed.motivationHelp': 'This text goes into the letter as it is. Write why in plain words.',
  'notOwed.groundRequired': 'Choose why no penalty is owed.',
  'notOwed.motivationRequired': 'Write in at least 10 characters why no penalty is owed.',
  'notOwed.send': 'Send the decision: no penalty',
  'notOwed.sent':
    'The decision that no penalty is owed is among the letters and goes to the applicant.',
  'notice.decided':
    'The penalty has been set. The decision is among the letters and goes to the applicant: by e-mail, or with the next print run.',
  'notice.setRequired': 'Fill in the day the penalty was set.',
  'notice.setSave': 'Record the setting',
  'notice.setSaved': 'The setting of the penalty has been recorded.',
  'notice.title': 'Notice of default',
  'notice.intro':
    'Has the applicant written that the decision is late? Record the day that letter or email came in. Two weeks later a penalty starts to run for each day without a decision (article 4:17 Awb).',
  'notice.receivedOn': 'Received on',
  'notice.receivedRequired': 'Fill in the day the notice of default came in.',
  'notice.save': 'Record the notice of default',
  'notice.saved': 'The notice of default has been recorded.',
  'notice.received': 'Received on',
  'notice.termEnded': 'Decision term ended on',
  'notice.firstDay': 'Penalty from',
  'notice.amount': 'Penalty',
  'notice.settleBy': 'Set the penalty no later than',
  'onBehalf.banner': 'You are filling in this application on behalf of {name}.',
  'onBehalf.bannerActs': 'This is the application of {name}. You act on behalf of this resident.',
  'resident.details': 'Details of {name}',
  'resident.email': 'Email address',
  'resident.noEmail': 'None; letters and decisions go by post',
  'resident.address': 'Postal address',
  'resident.noAddress': 'No postal address known yet',
  'resident.phone': 'Phone',
  'resident.changeAddress': 'Change postal address',
  'resident.addAddress': 'Enter postal address',
  'resident.cancelAddress': 'Do not change',
  'resident.addressSaved': 'The postal address of {name} is recorded: {address}.',
};

/** The desk's own keys, and those of what a resident sees of its work (shell-messages.ts). */
export type DeskMessageKey = keyof typeof nl | ShellMessageKey;
export const deskCatalogues = { nl, en } as const;
registerLabelTexts(deskCatalogues);

/** The shared i18n plus `d()` for the desk texts. */
export function useDeskText() {
  const i18n = useI18n();
  const catalogue: Record<DeskMessageKey, string> = {
    ...shellTexts[i18n.locale],
    ...deskCatalogues[i18n.locale],
  };
  const d = (key: DeskMessageKey, vars?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
  const dn = (
    key: 'search.count' | 'supporters.count' | 'supporters.counted' | 'supporters.countForm',
    n: number,
  ) =>
    d(`${key}.${pluralOf(n) === 'one' ? 'one' : 'other'}` as DeskMessageKey, {
      n: i18n.formatNumber(n),
    });
  return { ...i18n, d, dn };
}
