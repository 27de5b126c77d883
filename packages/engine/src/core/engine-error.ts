import type { Issue, LocalizedText, Role } from './engine.types';

export type EngineErrorCode =
  | 'event_not_allowed'
  | 'role_not_allowed'
  | 'four_eyes'
  | 'invalid_payload'
  | 'guard_failed'
  | 'unknown_state'
  | 'not_editable';

/** A refused step or edit; the code is closed, the shell maps it to a status. */
export class EngineError extends Error {
  override name = 'EngineError';
  code: EngineErrorCode;
  // `declare`: absent unless set, so a serialised error carries only what applies.
  declare allowed?: string[];
  declare guard?: string;
  declare issues?: Issue[];
  /** Roles that may send the event, for role_not_allowed. */
  declare roles?: Role[];
  /**
   * The refusal as a person reads it, in both languages, naming the step and the state by their
   * labels (the message is its English).
   */
  declare text?: LocalizedText;

  constructor(
    code: EngineErrorCode,
    message: string,
    extra: {
      allowed?: string[];
      guard?: string;
      issues?: Issue[];
      roles?: Role[];
      text?: LocalizedText;
    } = {},
  ) {
    super(message);
    this.code = code;
    if (extra.allowed) this.allowed = extra.allowed;
    if (extra.guard) this.guard = extra.guard;
    if (extra.issues) this.issues = extra.issues;
    if (extra.roles) this.roles = extra.roles;
    if (extra.text) this.text = extra.text;
  }
}
