/**
 * planMessaging: the documents and outbox rows a step's `notice` and `document` effects become,
 * made without touching the database (the service or the command's statement writes them).
 */
import { randomUUID } from 'node:crypto';
import {
  type Effect,
  objectionDeadline,
  renderTemplate,
  type TemplateConditions,
  toAmsterdamDate,
  valueConditions,
  type WorkflowDefinition,
} from '@initiatief/engine';
import { buildLetterContent } from '../letters/letter.content';
import type { LetterKind } from '../letters/letter.types';
import { letterheadOf } from '../letters/letterhead';
import { channelFor } from './channels';
import { mailSenderOf, neutralMailSender, senderVariables } from './mail.sender';
import type { Language } from './messaging.table';
import { paperNoticeOf, resolveVariables, templateOf } from './messaging.texts';
import type {
  DocumentRow,
  EnqueuedMessaging,
  EnqueueMessagingInput,
  MessagingContext,
  MessagingPlan,
  OutboxRow,
} from './messaging.types';

type NoticeEffect = Extract<Effect, { type: 'notice' }>;
type DocumentEffect = Extract<Effect, { type: 'document' }>;

export const MESSAGE_ID_DOMAIN = 'initiatief.local';

/**
 * Whom a mail comes from: the definition version its application is pinned to (its team, in the
 * mail's language), or, for a mail about no application (an account link), the municipality.
 */
export type MailFrom = Pick<WorkflowDefinition, 'sender'> | 'municipality';

/**
 * One mail of the outbox with its subject and body written out: they are the record of what was
 * sent (migration 0037), so nothing else of the texts' values is kept. Its sender is kept with it
 * (`variables`, mail.sender.ts), so it goes out from the team it was written by, whoever wrote it.
 */
export function mailRow(m: {
  /** Null for a mail about the account, not an application. */
  applicationId: string | null;
  historyId?: string | null;
  /** The letter it carries. */
  documentId?: string | null;
  to: { email: string | null; name: string | null };
  audience: 'applicant' | 'staff';
  language: Language;
  template: string;
  text: { subject: string; body: string };
  from: MailFrom;
  /** Other values kept with the mail (the failed mail a bounce notice is about). */
  variables?: Record<string, string>;
  now: Date;
  id?: string;
}) {
  const sender =
    m.from === 'municipality' ? neutralMailSender(m.language) : mailSenderOf(m.from, m.language);
  return {
    id: m.id ?? randomUUID(),
    kind: 'mail' as const,
    application_id: m.applicationId,
    history_id: m.historyId ?? null,
    document_id: m.documentId ?? null,
    message_id: `<${randomUUID()}@${MESSAGE_ID_DOMAIN}>`,
    recipient_email: m.to.email,
    recipient_name: m.to.name,
    audience: m.audience,
    language: m.language,
    template_key: m.template,
    subject: m.text.subject,
    body: m.text.body,
    variables: { ...m.variables, ...senderVariables(sender) },
    next_attempt_at: m.now,
    created_at: m.now,
    updated_at: m.now,
  };
}

/**
 * The documents and outbox rows for the step's `notice` and `document` effects, from the texts'
 * context, without touching the database: the caller writes them in its transaction, on their
 * own (writeMessagingPlan) or inside the statement that writes the step's history row.
 */
export function planMessaging(
  input: EnqueueMessagingInput & { context: MessagingContext },
): MessagingPlan {
  const notices = input.effects.filter((e): e is NoticeEffect => e.type === 'notice');
  const documents = input.effects.filter((e): e is DocumentEffect => e.type === 'document');
  const result: EnqueuedMessaging = { documentIds: [], outboxIds: [] };
  const context = input.context;
  const sentOn = toAmsterdamDate(input.now);
  const objection = objectionDeadline(sentOn);
  const applicantLanguage: Language = context.applicant.locale === 'en' ? 'en' : 'nl';
  // Awb 2:14: electronic only to a resident who chose it and has an address; paper otherwise.
  const channel = channelFor(context.applicant);
  const plan = channel.plan();
  // Whether the applicant can log in decides a text's {{#online}} and {{^online}} parts: a
  // resident the desk registered without e-mail is not sent to a web address she cannot open.
  const conditions: TemplateConditions = {
    online: context.applicant.canLogIn ?? Boolean(context.applicant.email),
  };
  const documentRows: DocumentRow[] = [];
  const outboxRows: OutboxRow[] = [];

  /** One letter from a template of the definition (`section`), issued with this step. */
  function issue(kind: LetterKind, section: 'letters' | 'mails', template: string) {
    // A mail's text that goes on paper is signed as a letter (paperNoticeOf).
    const { text, language } =
      section === 'mails'
        ? paperNoticeOf(input.definition, template, applicantLanguage)
        : templateOf(input.definition, section, template, applicantLanguage);
    const variables = resolveVariables(context, input, language, objection.date);
    // A {{#reclaim}} part follows the letter's own values: money to pay back (valueConditions).
    const letterConditions = { ...conditions, ...valueConditions(variables) };
    const subject = renderTemplate(text.subject, variables, letterConditions);
    const body = renderTemplate(text.body, variables, letterConditions);
    const content = buildLetterContent({
      kind,
      language,
      reference: context.application.reference,
      sentOn,
      objectionLastDay: objection.date,
      recipient: context.applicant,
      subject,
      body,
      variables,
      conditions: letterConditions,
      sender: letterheadOf(input.definition, language),
    });
    const documentId = randomUUID();
    documentRows.push({
      id: documentId,
      application_id: input.applicationId,
      history_id: input.historyId,
      kind: content.kind,
      template_key: template,
      definition_key: context.application.definition_key,
      definition_version: context.application.definition_version,
      language,
      reference: context.application.reference,
      subject,
      content,
      sent_on: sentOn,
      objection_deadline: content.objection ? objection.date : null,
      channel: channel.name,
      created_at: input.now,
    });
    result.documentIds.push(documentId);
    // A paper letter is rendered when its print batch is posted (src/print/), with that date.
    if (!plan.renderNow) return;
    const renderId = randomUUID();
    outboxRows.push({
      id: renderId,
      kind: 'render',
      application_id: input.applicationId,
      history_id: input.historyId,
      document_id: documentId,
      next_attempt_at: input.now,
      created_at: input.now,
      updated_at: input.now,
    });
    result.outboxIds.push(renderId);
  }

  for (const effect of documents) issue(effect.kind as LetterKind, 'letters', effect.template);

  // A resident without e-mail, or who chose paper, gets letters by post only. A step that only
  // mails her (an advance paid, a withdrawal confirmed) sends the mail's text as a paper letter,
  // so she hears of it too; a step with a letter of its own says it in that letter.
  const lettersOfStep = documents.length;
  for (const effect of notices) {
    if (effect.audience === 'applicant' && (!context.applicant.email || !plan.notices)) {
      if (lettersOfStep === 0) issue('notice', 'mails', effect.template);
      continue;
    }
    const recipient =
      effect.audience === 'applicant'
        ? {
            email: context.applicant.email,
            name: context.applicant.name,
            language: applicantLanguage,
          }
        : {
            // The assignee when there is one, else the staff mailbox (resolved when sent).
            email: context.assignee?.email ?? null,
            name: context.assignee?.name ?? null,
            language: (context.assignee?.locale === 'en' ? 'en' : 'nl') as Language,
          };
    const { text, language } = templateOf(
      input.definition,
      'mails',
      effect.template,
      recipient.language,
    );
    const variables = resolveVariables(context, input, language, objection.date);
    const mailConditions = { ...conditions, ...valueConditions(variables) };
    const id = randomUUID();
    outboxRows.push(
      mailRow({
        id,
        applicationId: input.applicationId,
        historyId: input.historyId,
        // A notice to the applicant carries the letter issued in the same step.
        documentId: effect.audience === 'applicant' ? (result.documentIds[0] ?? null) : null,
        to: recipient,
        audience: effect.audience,
        language,
        template: effect.template,
        text: {
          subject: renderTemplate(text.subject, variables, mailConditions),
          body: renderTemplate(text.body, variables, mailConditions),
        },
        // The team of the version the application is pinned to.
        from: input.definition,
        now: input.now,
      }),
    );
    result.outboxIds.push(id);
  }
  return { documentRows, outboxRows, result };
}
