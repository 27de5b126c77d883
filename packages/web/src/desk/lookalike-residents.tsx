import {
  Alert,
  ButtonGroup,
  Heading3,
  Paragraph,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type MouseEvent, useEffect, useRef } from 'react';
import type { User } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { pluralOf } from '../i18n/numbers';
import type { Lookalike } from './desk-api';
import { addressLine } from './resident-details';

/**
 * The texts of the warning, kept beside it so the shared catalogue is not edited by two people
 * at once. Dutch is the source; English has the same keys.
 */
const nl = {
  title: 'Deze bewoner staat misschien al geregistreerd',
  'intro.one':
    'Er is al een bewoner die erg lijkt op de bewoner die u wilt registreren. Is het dezelfde persoon? Ga dan verder met de bestaande bewoner, dan blijven alle aanvragen en brieven bij elkaar.',
  'intro.other':
    'Er zijn al {n} bewoners die erg lijken op de bewoner die u wilt registreren. Is het een van hen? Ga dan verder met die bewoner, dan blijven alle aanvragen en brieven bij elkaar.',
  emailTitle: 'Er is al een bewoner met dit e-mailadres',
  emailIntro:
    'Een e-mailadres hoort bij één account. Ga verder met de bestaande bewoner, of vul een ander e-mailadres in.',
  listLabel: 'Bewoners die erop lijken',
  noAddress: 'Geen postadres bekend',
  'match.address': 'Zelfde postcode en huisnummer, naam lijkt erop',
  'match.phone': 'Zelfde telefoonnummer, naam lijkt erop',
  'match.email': 'Zelfde e-mailadres',
  choose: 'Verder met deze bewoner',
  chooseNamed: 'Verder met deze bewoner: {name}, {address}',
  differentHint:
    'Is het echt iemand anders? Vraag het na, bijvoorbeeld naar de geboortedatum of het vorige adres. Registreert u toch, dan wordt vastgelegd dat u heeft bevestigd dat het iemand anders is.',
  registerAnyway: 'Toch nieuwe bewoner registreren',
};

type Key = keyof typeof nl;

const en: Record<Key, string> = {
  title: 'This resident may already be registered',
  'intro.one':
    'There is already a resident who looks very much like the one you want to register. Is it the same person? Then continue with the existing resident, so that all applications and letters stay together.',
  'intro.other':
    'There are already {n} residents who look very much like the one you want to register. Is it one of them? Then continue with that resident, so that all applications and letters stay together.',
  emailTitle: 'There is already a resident with this email address',
  emailIntro:
    'An email address belongs to one account. Continue with the existing resident, or enter another email address.',
  listLabel: 'Residents who look the same',
  noAddress: 'No postal address known',
  'match.address': 'Same postcode and house number, similar name',
  'match.phone': 'Same phone number, similar name',
  'match.email': 'Same email address',
  choose: 'Continue with this resident',
  chooseNamed: 'Continue with this resident: {name}, {address}',
  differentHint:
    'Is it really someone else? Check, for instance by asking the date of birth or the previous address. If you register anyway, it is recorded that you confirmed it is someone else.',
  registerAnyway: 'Register as a new resident anyway',
};

const catalogues = { nl, en } as const;

/**
 * The residents the API found who look like the one the desk is registering (409 with
 * `candidates`). Focus moves to this section, as to an error summary, and its warning is an
 * alert, so a screen reader reads it first; each resident can be opened instead, and, unless the e-mail address is taken, the
 * clerk can confirm that it is someone else and register anyway.
 */
export function LookalikeResidents({
  lookalikes,
  emailTaken,
  busy,
  onChoose,
  onRegisterAnyway,
}: {
  lookalikes: Lookalike[];
  /** The e-mail address is in use: that is never registered twice. */
  emailTaken: boolean;
  busy: boolean;
  onChoose(user: User): void;
  onRegisterAnyway(event: MouseEvent<HTMLButtonElement>): void;
}) {
  const { locale, formatNumber } = useI18n();
  const catalogue = catalogues[locale];
  const say = (key: Key, vars: Record<string, string> = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
  const count = pluralOf(lookalikes.length) === 'one' ? 'one' : 'other';
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);

  return (
    <section ref={box} tabIndex={-1} aria-labelledby="lookalikes-title" className="app-lookalikes">
      <Alert type="warning">
        <Heading3 id="lookalikes-title">{say(emailTaken ? 'emailTitle' : 'title')}</Heading3>
        <Paragraph>
          {emailTaken
            ? say('emailIntro')
            : say(`intro.${count}`, { n: formatNumber(lookalikes.length) })}
        </Paragraph>
      </Alert>
      <ul className="app-results" aria-label={say('listLabel')}>
        {lookalikes.map((u) => {
          const address = addressLine(u) ?? say('noAddress');
          return (
            <li key={u.id} className="app-results__item">
              <span>
                <strong>{u.name}</strong>
                <br />
                {address}
                {u.email ? ` · ${u.email}` : ''}
                <br />
                <span className="app-muted">
                  {u.matchedOn.map((m) => say(`match.${m}`)).join('; ')}
                </span>
              </span>
              <SecondaryActionButton
                onClick={() => onChoose(u)}
                aria-label={say('chooseNamed', { name: u.name, address })}
              >
                {say('choose')}
              </SecondaryActionButton>
            </li>
          );
        })}
      </ul>
      {!emailTaken && (
        <>
          <Paragraph>{say('differentHint')}</Paragraph>
          <ButtonGroup>
            <SecondaryActionButton
              onClick={onRegisterAnyway}
              busy={busy}
              aria-disabled={busy || undefined}
            >
              {say('registerAnyway')}
            </SecondaryActionButton>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
