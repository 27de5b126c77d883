import { useAreaText } from '../i18n/area-text';
import { registerLabelTexts } from '../i18n/label-words';

/**
 * The texts of the outgoing mail screen (staff only), kept beside it so a resident's pages do not
 * download them.
 * Dutch is the source; English has the same keys.
 */
const nl = {
  'mail.title': 'Berichten',
  'mail.intro':
    'Alle e-mails en brieven die het systeem verstuurt of maakt. Mislukte berichten staan bovenaan; u kunt ze opnieuw versturen.',
  'mail.caption': 'Uitgaande berichten, mislukte eerst',
  'mail.count.one': '{n} bericht.',
  'mail.count.other': '{n} berichten.',
  'mail.failedCount.one': '{n} bericht is mislukt.',
  'mail.failedCount.other': '{n} berichten zijn mislukt.',
  'mail.none': 'Er zijn nog geen berichten.',
  'mail.kind': 'Soort',
  'mail.kind.mail': 'E-mail',
  'mail.kind.render': 'Brief (pdf)',
  'mail.recipient': 'Ontvanger',
  'mail.subject': 'Onderwerp',
  'mail.status': 'Status',
  'mail.status.pending': 'Wacht op verzending',
  'mail.status.processing': 'Wordt verstuurd',
  'mail.status.done': 'Verstuurd',
  'mail.status.failed': 'Mislukt',
  'mail.attempts': 'Pogingen',
  'mail.attemptsOf': '{n} van {max}',
  'mail.lastError': 'Laatste fout',
  'mail.application': 'Aanvraag',
  'mail.updated': 'Gewijzigd',
  'mail.action': 'Actie',
  'mail.renderSubject': 'Brief maken',
  'mail.audience.staff': 'Medewerkers',
  'mail.audience.applicant': 'Aanvrager',
  'mail.retry': 'Opnieuw versturen',
  'mail.retried': 'Het bericht ‘{subject}’ staat weer klaar om te versturen.',
  'mail.filesTitle': 'Verstuurde e-mails in de ontwikkelomgeving',
  'mail.filesIntro':
    'Er is geen mailserver ingesteld. De e-mails zijn als .eml-bestand bewaard; u kunt ze hier bekijken.',
  'mail.filesCaption': 'E-mailbestanden, nieuwste eerst',
  'mail.filesNone': 'Er zijn nog geen e-mailbestanden.',
  'mail.file': 'Bestand',
  'mail.fileTo': 'Aan',
  'mail.fileWritten': 'Geschreven',
  'mail.fileView': 'Bekijk',
  'mail.fileViewNamed': 'Bekijk e-mail {name}',
  'mail.fileHide': 'Verberg',
  'mail.fileHideNamed': 'Verberg e-mail {name}',
  'mail.fileDownload': 'Download',
  'mail.fileDownloadNamed': 'Download e-mail {name}',
  'mail.fileSource': 'Inhoud van {name}',
  'mail.status.rendered': 'Brief gemaakt',
  'mail.status.postedOn': 'Per post verstuurd op {date}',
};

const en: Record<keyof typeof nl, string> = {
  'mail.title': 'Messages',
  'mail.intro':
    'All emails and letters the system sends or produces. Failed messages come first; you can send them again.',
  'mail.caption': 'Outgoing messages, failed first',
  'mail.count.one': '{n} message.',
  'mail.count.other': '{n} messages.',
  'mail.failedCount.one': '{n} message failed.',
  'mail.failedCount.other': '{n} messages failed.',
  'mail.none': 'There are no messages yet.',
  'mail.kind': 'Kind',
  'mail.kind.mail': 'Email',
  'mail.kind.render': 'Letter (PDF)',
  'mail.recipient': 'Recipient',
  'mail.subject': 'Subject',
  'mail.status': 'Status',
  'mail.status.pending': 'Waiting to be sent',
  'mail.status.processing': 'Being sent',
  'mail.status.done': 'Sent',
  'mail.status.failed': 'Failed',
  'mail.attempts': 'Attempts',
  'mail.attemptsOf': '{n} of {max}',
  'mail.lastError': 'Last error',
  'mail.application': 'Application',
  'mail.updated': 'Changed',
  'mail.action': 'Action',
  'mail.renderSubject': 'Produce letter',
  'mail.audience.staff': 'Staff',
  'mail.audience.applicant': 'Applicant',
  'mail.retry': 'Send again',
  'mail.retried': 'The message ‘{subject}’ is queued to be sent again.',
  'mail.filesTitle': 'Emails sent in the development environment',
  'mail.filesIntro':
    'No mail server is configured. The emails were saved as .eml files; you can read them here.',
  'mail.filesCaption': 'Email files, newest first',
  'mail.filesNone': 'There are no email files yet.',
  'mail.file': 'File',
  'mail.fileTo': 'To',
  'mail.fileWritten': 'Written',
  'mail.fileView': 'View',
  'mail.fileViewNamed': 'View email {name}',
  'mail.fileHide': 'Hide',
  'mail.fileHideNamed': 'Hide email {name}',
  'mail.fileDownload': 'Download',
  'mail.fileDownloadNamed': 'Download email {name}',
  'mail.fileSource': 'Contents of {name}',
  'mail.status.rendered': 'Letter made',
  'mail.status.postedOn': 'Sent by post on {date}',
};

export const mailTexts = { nl, en } as const;

registerLabelTexts(mailTexts);

/** The shared i18n, its `t` and `tn` knowing these texts too. */
export function useMailText() {
  return useAreaText(mailTexts);
}
