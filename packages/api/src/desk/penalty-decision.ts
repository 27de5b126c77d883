/**
 * The decision that sets the penalty of a notice of default (dwangsom, Awb 4:17 and 4:18) as a
 * letter: the same for every workflow, so its texts are the law's and live here, in both
 * languages. It goes as any decision does: by e-mail with the PDF to a resident who chose that,
 * into the print queue for everyone else (dated, and its objection period counted, when posted),
 * with the objection clause.
 */
import { randomUUID } from 'node:crypto';
import {
  formatDate,
  formatMoney,
  objectionDeadline,
  PENALTY_TIERS,
  tidyFreeText,
  toAmsterdamDate,
} from '@initiatief/engine';
import type { Transaction } from 'kysely';
import type { ApplicationRecord } from '../applications/applications.repository';
import type { NoticeOfDefault } from '../applications/notice-of-default.view';
import { type NoticeWaiver, WAIVER_SENTENCE } from '../applications/notice-waiver';
import type { DB } from '../db/schema';
import { loadDefinition } from '../definitions/definitions.repository';
import { buildLetterContent } from '../letters/letter.content';
import { letterheadOf } from '../letters/letterhead';
import { channelFor } from '../messaging/channels';
import { type MessagingPlan, mailRow, writeMessagingPlan } from '../messaging/messaging.service';

/** The letter's template key in documents and outbox (a shell letter: `shell.`, no workflow's). */
export const PENALTY_LETTER = 'shell.penalty_decision';

type Language = 'nl' | 'en';

/** "14 dagen × € 23,00, 14 dagen × € 35,00 en 3 dagen × € 45,00". */
function breakdown(days: number, language: Language): string {
  const parts: string[] = [];
  let left = days;
  for (const tier of PENALTY_TIERS) {
    const n = Math.min(left, tier.days);
    if (n <= 0) break;
    const word = language === 'nl' ? (n === 1 ? 'dag' : 'dagen') : n === 1 ? 'day' : 'days';
    parts.push(`${n} ${word} × ${formatMoney(tier.centsPerDay, language)}`);
    left -= n;
  }
  const and = language === 'nl' ? ' en ' : ' and ';
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')}${and}${parts.at(-1)}` : parts[0]!;
}

/** The letter's subject and body in the addressee's language. */
export function penaltyLetterText(
  language: Language,
  m: {
    what: string;
    reference: string;
    notice: NoticeOfDefault & { lastDay: string };
    notOwed?: { ground: NoticeWaiver; motivation: string };
  },
): { subject: string; body: string } {
  const d = (day: string) => formatDate(day, language);
  const { notice } = m;
  const amount = formatMoney(notice.cents, language);
  // Staff's reasons as a letter prints typed words: no double or trailing spaces, no stray lines.
  if (m.notOwed) {
    const motivation = tidyFreeText(m.notOwed.motivation);
    return notOwedText(language, { ...m, notOwed: { ...m.notOwed, motivation } });
  }
  if (language === 'en') {
    return {
      subject: `Decision: penalty for our late decision on ${m.reference}`,
      body: [
        `On ${d(notice.receivedOn)} we received your notice of default for your application ‘${m.what}’ (${m.reference}). The decision term had ended on ${d(notice.termEndedOn)}.`,
        notice.decidedOn
          ? `Our decision on your application was made known on ${d(notice.decidedOn)}, more than two weeks after your notice. Under article 4:17 of the General Administrative Law Act (Awb) we therefore owe you a penalty.`
          : `We have still not decided on your application, so the penalty has reached its highest amount under article 4:17 of the General Administrative Law Act (Awb). You will hear about our decision on your application separately.`,
        `We set the penalty at ${amount}: ${breakdown(notice.days, 'en')}, for the ${notice.days} days from ${d(notice.firstDay)} to ${d(notice.lastDay)} inclusive.`,
        'We will pay this amount within six weeks of the date of this letter into the account you gave with your application.',
      ].join('\n\n'),
    };
  }
  return {
    subject: `Besluit: dwangsom voor ons late besluit op ${m.reference}`,
    body: [
      `Op ${d(notice.receivedOn)} ontvingen wij uw ingebrekestelling voor uw aanvraag ‘${m.what}’ (${m.reference}). De beslistermijn was op ${d(notice.termEndedOn)} verstreken.`,
      notice.decidedOn
        ? `Ons besluit op uw aanvraag is op ${d(notice.decidedOn)} bekendgemaakt, meer dan twee weken na uw ingebrekestelling. Daarom bent u op grond van artikel 4:17 van de Algemene wet bestuursrecht (Awb) een dwangsom van ons tegoed.`
        : `Wij hebben nog steeds niet op uw aanvraag besloten. De dwangsom heeft daarom het hoogste bedrag bereikt dat artikel 4:17 van de Algemene wet bestuursrecht (Awb) noemt. Over ons besluit op uw aanvraag hoort u apart.`,
      `Wij stellen de dwangsom vast op ${amount}: ${breakdown(notice.days, 'nl')}, over de ${notice.days} dagen van ${d(notice.firstDay)} tot en met ${d(notice.lastDay)}.`,
      'Wij betalen dit bedrag binnen zes weken na de datum van deze brief op het rekeningnummer dat u bij uw aanvraag opgaf.',
    ].join('\n\n'),
  };
}

/** The decision that no penalty is owed (Awb 4:17 lid 6), with the ground and staff's reasons. */
function notOwedText(
  language: Language,
  m: {
    what: string;
    reference: string;
    notice: NoticeOfDefault & { lastDay: string };
    notOwed: { ground: NoticeWaiver; motivation: string };
  },
): { subject: string; body: string } {
  const d = (day: string) => formatDate(day, language);
  const { notice } = m;
  const amount = formatMoney(notice.cents, language);
  const because = WAIVER_SENTENCE[m.notOwed.ground][language];
  if (language === 'en') {
    return {
      subject: `Decision: no penalty for our late decision on ${m.reference}`,
      body: [
        `On ${d(notice.receivedOn)} we received your notice of default for your application ‘${m.what}’ (${m.reference}). The decision term had ended on ${d(notice.termEndedOn)}.`,
        `For the ${notice.days} days from ${d(notice.firstDay)} to ${d(notice.lastDay)} inclusive, a penalty of ${amount} would be owed. We decide, however, that we owe you no penalty, because ${because}`,
        m.notOwed.motivation,
      ].join('\n\n'),
    };
  }
  return {
    subject: `Besluit: geen dwangsom voor ons late besluit op ${m.reference}`,
    body: [
      `Op ${d(notice.receivedOn)} ontvingen wij uw ingebrekestelling voor uw aanvraag ‘${m.what}’ (${m.reference}). De beslistermijn was op ${d(notice.termEndedOn)} verstreken.`,
      `Over de ${notice.days} dagen van ${d(notice.firstDay)} tot en met ${d(notice.lastDay)} zou een dwangsom van ${amount} verschuldigd zijn. Wij besluiten toch dat u geen dwangsom van ons krijgt, omdat ${because}`,
      m.notOwed.motivation,
    ].join('\n\n'),
  };
}

/** The mail that carries the letter to a resident who gets her post by e-mail. */
function mailText(
  language: Language,
  m: { name: string; reference: string; amount: string; notOwed: boolean },
) {
  if (m.notOwed) {
    return language === 'en'
      ? {
          subject: `Decision on a penalty – ${m.reference}`,
          body: `Dear ${m.name},\n\nWe have decided that we owe you no penalty for our late decision. The letter with this e-mail says why and how to object.`,
        }
      : {
          subject: `Besluit over een dwangsom – ${m.reference}`,
          body: `Beste ${m.name},\n\nWij hebben besloten dat u geen dwangsom van ons krijgt voor ons late besluit. In de brief bij deze e-mail leest u waarom, en hoe u bezwaar kunt maken.`,
        };
  }
  return language === 'en'
    ? {
        subject: `Decision on your penalty – ${m.reference}`,
        body: `Dear ${m.name},\n\nWe have set the penalty we owe you for our late decision at ${m.amount}. The letter with this e-mail says how we counted it, when we pay and how to object.`,
      }
    : {
        subject: `Besluit over uw dwangsom – ${m.reference}`,
        body: `Beste ${m.name},\n\nWij hebben de dwangsom die u van ons krijgt omdat wij te laat besloten, vastgesteld op ${m.amount}. In de brief bij deze e-mail leest u hoe wij die berekenden, wanneer wij betalen en hoe u bezwaar kunt maken.`,
      };
}

/**
 * Issues the penalty decision in the caller's transaction: the letter (by e-mail with a mail that
 * carries it, or into the print queue), tied to the history row that records the setting.
 * Returns the letter's id.
 */
export async function issuePenaltyLetter(
  trx: Transaction<DB>,
  args: {
    app: ApplicationRecord;
    notice: NoticeOfDefault & { lastDay: string };
    notOwed?: { ground: NoticeWaiver; motivation: string };
    historyId: string;
    now: Date;
  },
): Promise<string> {
  const { app, notice, now } = args;
  const applicant = await trx
    .selectFrom('users')
    .where('id', '=', app.applicant_id)
    .select(['name', 'email', 'locale', 'letter_channel', 'street', 'postcode', 'city'])
    .executeTakeFirstOrThrow();
  const language: Language = applicant.locale === 'en' ? 'en' : 'nl';
  // The version the application is pinned to: its team signs the letter and sends the mail.
  const definition = await loadDefinition(trx, app.definition_key, app.definition_version);
  const channel = channelFor({ ...applicant, letterChannel: applicant.letter_channel });
  const sentOn = toAmsterdamDate(now);
  const objection = objectionDeadline(sentOn).date;
  const text = penaltyLetterText(language, {
    what: app.title || app.reference,
    reference: app.reference,
    notice,
    notOwed: args.notOwed,
  });
  const amount = formatMoney(args.notOwed ? 0 : notice.cents, language);
  const content = buildLetterContent({
    kind: 'penalty',
    language,
    reference: app.reference,
    sentOn,
    objectionLastDay: objection,
    recipient: applicant,
    subject: text.subject,
    body: text.body,
    variables: { amount, days: String(notice.days) },
    sender: letterheadOf(definition, language),
  });
  const documentId = randomUUID();
  const plan: MessagingPlan = {
    documentRows: [
      {
        id: documentId,
        application_id: app.id,
        history_id: args.historyId,
        kind: 'penalty',
        template_key: PENALTY_LETTER,
        definition_key: app.definition_key,
        definition_version: app.definition_version,
        language,
        reference: app.reference,
        subject: text.subject,
        content,
        sent_on: sentOn,
        objection_deadline: objection,
        channel: channel.name,
        created_at: now,
      },
    ],
    outboxRows: [],
    result: { documentIds: [documentId], outboxIds: [] },
  };
  // A paper letter is rendered when its batch is posted, with that date (src/print/).
  if (channel.plan().renderNow) {
    const mail = mailText(language, {
      name: applicant.name,
      reference: app.reference,
      amount,
      notOwed: Boolean(args.notOwed),
    });
    plan.outboxRows.push(
      {
        id: randomUUID(),
        kind: 'render',
        application_id: app.id,
        history_id: args.historyId,
        document_id: documentId,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      },
      mailRow({
        applicationId: app.id,
        historyId: args.historyId,
        documentId,
        to: applicant,
        audience: 'applicant',
        language,
        template: PENALTY_LETTER,
        text: mail,
        from: definition,
        now,
      }),
    );
  }
  await writeMessagingPlan(trx, plan);
  return documentId;
}
