/** The mails of account-links.service: plain text, one language each (the person's own). */
type Lang = 'nl' | 'en';

export type AccountMailKind =
  | 'account_confirm'
  | 'account_exists'
  | 'account_password'
  | 'account_claim';

export interface AccountMailInput {
  name: string;
  /** The one-time link (confirm or set a password). */
  link: string;
  /** The login page, for whoever already knows their password. */
  loginUrl: string;
  validMinutes: number;
}

const hours = (minutes: number, lang: Lang) => {
  if (minutes % 60 !== 0) return lang === 'nl' ? `${minutes} minuten` : `${minutes} minutes`;
  const h = minutes / 60;
  if (lang === 'nl') return h === 1 ? '1 uur' : `${h} uur`;
  return h === 1 ? '1 hour' : `${h} hours`;
};

const TEXTS: Record<AccountMailKind, Record<Lang, (m: AccountMailInput) => [string, string[]]>> = {
  account_confirm: {
    nl: (m) => [
      'Bevestig uw account',
      [
        `Beste ${m.name},`,
        'U heeft een account aangemaakt om subsidie aan te vragen voor een bewonersinitiatief. Bevestig dat dit e-mailadres van u is via deze link:',
        m.link,
        `De link werkt één keer en ${hours(m.validMinutes, 'nl')} lang. Heeft u geen account aangemaakt? Dan hoeft u niets te doen.`,
      ],
    ],
    en: (m) => [
      'Confirm your account',
      [
        `Dear ${m.name},`,
        'You created an account to apply for a grant for a resident initiative. Confirm that this e-mail address is yours with this link:',
        m.link,
        `The link works once and for ${hours(m.validMinutes, 'en')}. Did you not create an account? Then you need not do anything.`,
      ],
    ],
  },
  account_exists: {
    nl: (m) => [
      'Iemand probeerde een account te maken met uw e-mailadres',
      [
        `Beste ${m.name},`,
        'Iemand probeerde zojuist een nieuw account aan te maken met uw e-mailadres. Er bestaat al een account met dit adres, dus er is niets veranderd.',
        `Was u dit zelf? Log dan in met uw account: ${m.loginUrl}`,
        `Weet u uw wachtwoord niet (meer), of heeft u nog nooit een wachtwoord gehad omdat uw account aan de balie is gemaakt? Stel dan een wachtwoord in via deze link: ${m.link}`,
        `De link werkt één keer en ${hours(m.validMinutes, 'nl')} lang. Was u het niet? Dan hoeft u niets te doen; uw account blijft zoals het was.`,
      ],
    ],
    en: (m) => [
      'Someone tried to create an account with your e-mail address',
      [
        `Dear ${m.name},`,
        'Someone just tried to create a new account with your e-mail address. An account with this address exists already, so nothing has changed.',
        `Was it you? Then log in with your account: ${m.loginUrl}`,
        `Do you not know your password, or did you never have one because your account was made at the desk? Then set a password with this link: ${m.link}`,
        `The link works once and for ${hours(m.validMinutes, 'en')}. Was it not you? Then you need not do anything; your account stays as it was.`,
      ],
    ],
  },
  account_password: {
    nl: (m) => [
      'Een nieuw wachtwoord instellen',
      [
        `Beste ${m.name},`,
        `Er is gevraagd om een nieuw wachtwoord voor uw account. Stel het in via deze link: ${m.link}`,
        `De link werkt één keer en ${hours(m.validMinutes, 'nl')} lang. Daarna wordt u overal uitgelogd waar u nog was ingelogd. Heeft u hier niet om gevraagd? Dan hoeft u niets te doen.`,
      ],
    ],
    en: (m) => [
      'Set a new password',
      [
        `Dear ${m.name},`,
        `A new password was requested for your account. Set it with this link: ${m.link}`,
        `The link works once and for ${hours(m.validMinutes, 'en')}. Afterwards you are logged out wherever you were still logged in. Did you not ask for this? Then you need not do anything.`,
      ],
    ],
  },
  account_claim: {
    nl: (m) => [
      'Uw account gebruiken',
      [
        `Beste ${m.name},`,
        'Aan de balie is een account voor u gemaakt met dit e-mailadres, om subsidie aan te vragen voor een bewonersinitiatief. U kunt het zelf gebruiken: stel een wachtwoord in via deze link:',
        m.link,
        `De link werkt één keer en ${hours(m.validMinutes, 'nl')} lang. Daarna logt u in en ziet u de aanvragen die voor u zijn ingediend. Heeft u hier niet om gevraagd? Dan hoeft u niets te doen.`,
      ],
    ],
    en: (m) => [
      'Use your account',
      [
        `Dear ${m.name},`,
        'An account was made for you at the desk with this e-mail address, to apply for a grant for a resident initiative. You can use it yourself: set a password with this link:',
        m.link,
        `The link works once and for ${hours(m.validMinutes, 'en')}. Then you log in and see the applications filed for you. Did you not ask for this? Then you need not do anything.`,
      ],
    ],
  },
};

/** Subject and body (paragraphs separated by a blank line) of an account mail. */
export function accountMail(
  kind: AccountMailKind,
  lang: Lang,
  input: AccountMailInput,
): { subject: string; body: string } {
  const [subject, paragraphs] = TEXTS[kind][lang](input);
  return { subject, body: paragraphs.join('\n\n') };
}
