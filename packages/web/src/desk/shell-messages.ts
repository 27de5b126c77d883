import type { AreaTable } from '../i18n/area-text';
import { registerLabelTexts } from '../i18n/label-words';

/**
 * The texts of what a resident sees of the desk's work on her own application: the history's
 * rows for a take-over, a contact moment, a supporter's confirmation, a letter sent by post, and
 * the outcome said to someone who acts for her. Apart from the desk's catalogue so the resident's
 * application page does not download the staff screens' texts (issue 20). Dutch is the source;
 * English has the same keys.
 */
const nl = {
  'contact.channel.phone': 'Telefoon',
  'contact.channel.desk': 'Aan de balie',
  'contact.channel.email': 'E-mail',
  'contact.channel.letter': 'Brief',
  'timeline.assigned': 'Opgepakt',
  'timeline.assignedByStep':
    'Opgepakt met een stap in de behandeling, zonder eerst Oppakken te kiezen.',
  'timeline.takeOver': 'Overgenomen',
  'timeline.takeOverFrom': 'Overgenomen van {name}',
  'timeline.contact': 'Klantcontact: {channel}',
  'timeline.supportConfirmed': '{name} steunt het initiatief',
  'supporters.how.code': 'met de code uit de e-mail',
  'supporters.how.digid': 'met DigiD',
  'supporters.how.paper': 'op de papieren lijst aan de balie',
  'timeline.authorised': '{name} gemachtigd',
  'timeline.requestPosted': 'Verzoek om aanvulling per post verstuurd',
  'timeline.requestPostedText':
    'De brief is op {sent} gepost. De termijn om aan te vullen loopt vanaf die dag: aanvullen kan tot en met {due}.',
  'timeline.decisionPosted': 'Besluit per post verstuurd',
  'timeline.decisionPostedText':
    'De brief met het besluit is op {sent} gepost. De termijn voor bezwaar loopt vanaf die dag: bezwaar maken kan tot en met {due}.',
  'timeline.mailBounced': 'Een e-mail kon niet worden bezorgd',
  'timeline.mailBouncedSubject': 'Het ging om “{subject}”.',
  'timeline.mailBouncedByPost':
    'De brief die erbij hoorde, sturen wij per post. Brieven gaan voortaan per post, tot u een werkend e-mailadres opgeeft.',
  'timeline.noticeOfDefault': 'Ingebrekestelling ontvangen',
  'timeline.noticeOfDefaultText':
    'De ingebrekestelling kwam binnen op {received}. De beslistermijn was verstreken op {ended}.',
  'timeline.penaltySet': 'Dwangsom vastgesteld',
  'timeline.penaltySetText': '{amount} over {days} dagen, vastgesteld bij besluit op {on}.',
  'timeline.penaltyNotOwedText':
    'Bij besluit op {on} vastgesteld dat geen dwangsom verschuldigd is.',
  'onBehalf.done': 'Gelukt: u heeft namens {name} de stap ‘{event}’ gedaan.',
  'onBehalf.happened': 'Gelukt, namens {name}: {event}.',
};

const en: Record<keyof typeof nl, string> = {
  'contact.channel.phone': 'Phone',
  'contact.channel.desk': 'At the desk',
  'contact.channel.email': 'Email',
  'contact.channel.letter': 'Letter',
  'timeline.assigned': 'Claimed',
  'timeline.assignedByStep': 'Claimed with a step in handling it, without choosing Claim first.',
  'timeline.takeOver': 'Taken over',
  'timeline.takeOverFrom': 'Taken over from {name}',
  'timeline.contact': 'Contact: {channel}',
  'timeline.supportConfirmed': '{name} supports the initiative',
  'supporters.how.code': 'with the code from the email',
  'supporters.how.digid': 'with DigiD',
  'supporters.how.paper': 'on the paper list at the desk',
  'timeline.authorised': '{name} authorised',
  'timeline.requestPosted': 'Request to supplement sent by post',
  'timeline.requestPostedText':
    'The letter was posted on {sent}. The period to supplement runs from that day: the application can be supplemented up to and including {due}.',
  'timeline.decisionPosted': 'Decision sent by post',
  'timeline.decisionPostedText':
    'The letter with the decision was posted on {sent}. The period for objection runs from that day: an objection can be made up to and including {due}.',
  'timeline.mailBounced': 'An email could not be delivered',
  'timeline.mailBouncedSubject': 'It was “{subject}”.',
  'timeline.mailBouncedByPost':
    'We are sending the letter that came with it by post. Letters now go by post until you give a working email address.',
  'timeline.noticeOfDefault': 'Notice of default received',
  'timeline.noticeOfDefaultText':
    'The notice of default came in on {received}. The decision term had ended on {ended}.',
  'timeline.penaltySet': 'Penalty set',
  'timeline.penaltySetText': '{amount} for {days} days, set by decision on {on}.',
  'timeline.penaltyNotOwedText': 'Set by decision on {on} that no penalty is owed.',
  'onBehalf.done': 'Done: you took the step ‘{event}’ on behalf of {name}.',
  'onBehalf.happened': 'Done, on behalf of {name}: {event}.',
};

export type ShellMessageKey = keyof typeof nl;
export const shellTexts: AreaTable<ShellMessageKey> = { nl, en };
registerLabelTexts(shellTexts);
