import type { Config } from '../config';

/** Messaging settings from Config (MAIL_FROM, PUBLIC_URL, MAIL_ATTACH_LETTERS, MAIL_STAFF, RENDER_THREADS). */
export interface MessagingSettings {
  mailFrom: string;
  publicUrl: string;
  /** true: letters ride along as PDF attachments; false: the mail links to them. */
  attachLetters: boolean;
  /** Where a staff notice goes when the application has no assignee. */
  staffMailbox: string;
  renderThreads: number;
}

export function messagingSettings(config: Config): MessagingSettings {
  return {
    mailFrom: config.mailFrom,
    publicUrl: config.publicUrl,
    attachLetters: config.mailAttachLetters ?? true,
    staffMailbox: config.mailStaff ?? `subsidies@${new URL(config.publicUrl).hostname}`,
    renderThreads: config.renderThreads ?? 2,
  };
}
