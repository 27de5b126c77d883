/**
 * Who a mail comes from: the From display name and the team a staff notice's footer names. A mail
 * about an application comes from the team its pinned definition version names as sender (the
 * letterhead's `letterheadOf`), in the mail's language; a mail about no application (an account
 * link, a staff invitation) from the municipality alone. The address is always MAIL_FROM's.
 */
import type { WorkflowDefinition } from '@initiatief/engine';
import { LETTERHEAD, letterheadOf } from '../letters/letterhead';
import type { Language } from './messaging.table';

export interface MailSender {
  /** The team ("Team Buurtbudget"); null for a mail about no application. */
  department: string | null;
  /** The municipality ("Gemeente Rotterdam"). */
  organisation: string;
}

/** The sender of a mail about an application of `definition` (the version it is pinned to). */
export function mailSenderOf(
  definition: Pick<WorkflowDefinition, 'sender'> | null | undefined,
  language: Language,
): MailSender {
  const { department, organisation } = letterheadOf(definition, language);
  return { department, organisation };
}

/** The sender of a mail about no application: the municipality, no team. */
export function neutralMailSender(language: Language): MailSender {
  return { department: null, organisation: LETTERHEAD[language].organisation };
}

/**
 * The keys a mail's sender is kept under in `outbox.variables` when it is planned, so the mail
 * goes out from the team it was planned with even when its application moves to a version with
 * another sender before it is sent.
 */
const DEPARTMENT = 'senderDepartment';
const ORGANISATION = 'senderOrganisation';

/** A sender as `outbox.variables` keeps it. */
export function senderVariables(sender: MailSender): Record<string, string> {
  return {
    ...(sender.department ? { [DEPARTMENT]: sender.department } : {}),
    [ORGANISATION]: sender.organisation,
  };
}

/** The sender a row was written with, or null (rows written before every writer kept it). */
export function storedMailSender(variables: unknown): MailSender | null {
  if (!variables || typeof variables !== 'object') return null;
  const v = variables as Record<string, unknown>;
  const organisation = typeof v[ORGANISATION] === 'string' ? v[ORGANISATION].trim() : '';
  if (!organisation) return null;
  const department = typeof v[DEPARTMENT] === 'string' ? v[DEPARTMENT].trim() : '';
  return { department: department || null, organisation };
}

/** "Team Buurtbudget, Gemeente Rotterdam"; the municipality alone without a team. */
export function senderDisplayName(sender: MailSender): string {
  return sender.department ? `${sender.department}, ${sender.organisation}` : sender.organisation;
}

/** MAIL_FROM split into its display name (null when none is configured) and address. */
export interface ConfiguredFrom {
  name: string | null;
  address: string;
}

/**
 * Reads MAIL_FROM: `noreply@rotterdam.nl`, `Naam <noreply@rotterdam.nl>` or
 * `"Naam, met komma" <noreply@rotterdam.nl>`. Null when it holds no address.
 */
export function parseMailFrom(from: string): ConfiguredFrom | null {
  const named = from.match(/^\s*(.*?)\s*<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/s);
  if (named) {
    const raw = named[1] ?? '';
    const quoted = raw.match(/^"((?:[^"\\]|\\.)*)"$/s);
    const name = (quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : raw).trim();
    return { name: name || null, address: named[2]! };
  }
  const bare = from.trim();
  return /^[^<>\s"]+@[^<>\s"]+$/.test(bare) ? { name: null, address: bare } : null;
}

/**
 * The From header of a mail: MAIL_FROM's address with the mail's sender as display name. A display
 * name configured in MAIL_FROM wins (an operator who names the sender means it, e.g. a test
 * environment's "TEST Gemeente Rotterdam"); the default MAIL_FROM has none. nodemailer quotes the
 * name and encodes non-ASCII text (RFC 2047).
 */
export function fromHeader(
  configured: string,
  sender: MailSender,
): string | { name: string; address: string } {
  const from = parseMailFrom(configured);
  if (!from) return configured;
  return { name: from.name ?? senderDisplayName(sender), address: from.address };
}
