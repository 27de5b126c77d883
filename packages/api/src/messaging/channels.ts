/**
 * The channels a letter can take to its addressee, behind one interface (see README.md,
 * "Channels"). The lifecycle command asks `channelFor(addressee)` when it issues a letter; the
 * channel says what is written in the command's transaction. E-mail and paper exist; a
 * MijnOverheid Berichtenbox channel would be a third implementation of `LetterChannel`.
 */

export type ChannelName = 'email' | 'paper';
export const CHANNEL_NAMES: readonly ChannelName[] = ['email', 'paper'];

/** What the channels may know of an addressee. */
export interface Addressee {
  email: string | null;
  /** The resident's choice; absent means nothing was made known (paper). */
  letterChannel?: ChannelName | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
}

/** What a channel asks the command to write when a letter is issued through it. */
export interface IssuePlan {
  /** Render the PDF now (after commit), with the issue date as the letter's date. */
  renderNow: boolean;
  /** The applicant's notice mail of the same step goes out (and may carry the letter). */
  notices: boolean;
}

export interface LetterChannel {
  readonly name: ChannelName;
  /**
   * Awb 2:14: may a decision reach this addressee through this channel? Electronic channels
   * only when the addressee made known they can be reached that way and gave a working address.
   */
  reaches(addressee: Addressee): boolean;
  /** What the command writes in its transaction for a letter through this channel. */
  plan(): IssuePlan;
}

/** E-mail: the PDF is rendered after commit and mailed with the notice (or linked from it). */
export const emailChannel: LetterChannel = {
  name: 'email',
  reaches: (addressee) => addressee.letterChannel === 'email' && Boolean(addressee.email?.trim()),
  plan: () => ({ renderNow: true, notices: true }),
};

/**
 * Paper: the letter waits in the print queue (src/print/). It is dated, rendered and counted as
 * sent only when its batch is posted; no e-mail goes to a resident who chose paper.
 */
export const paperChannel: LetterChannel = {
  name: 'paper',
  reaches: () => true,
  plan: () => ({ renderNow: false, notices: false }),
};

/** Channels in order of preference; paper reaches everyone and comes last. */
export const LETTER_CHANNELS: readonly LetterChannel[] = [emailChannel, paperChannel];

/** The channel a letter to this addressee takes. */
export function channelFor(addressee: Addressee): LetterChannel {
  return LETTER_CHANNELS.find((channel) => channel.reaches(addressee)) ?? paperChannel;
}
