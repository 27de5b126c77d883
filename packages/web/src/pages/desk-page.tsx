import {
  ButtonGroup,
  Heading2,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type Regulation, type User } from '../api/client';
import { LetterChannelChoice } from '../components/letter-channel-choice';
import { ErrorAlert, PageHeading, StatusMessage, TextField, useErrorText } from '../components/ui';
import { useLoad } from '../components/use-load';
import { ApplicationSearch } from '../desk/application-search';
import { NewResidentForm } from '../desk/new-resident-form';
import { RegulationSelect, useRegulationChoice } from '../desk/regulation-choice';
import { useChoiceText } from '../desk/regulation-choice-messages';
import { ResidentDetails } from '../desk/resident-details';
import { useRouter } from '../router/router';
import { useDeskPageText } from './desk-page-messages';
import { RegulationConditions } from './regulations-page';

/** Desk staff find or create a resident and file an application for them (assisted digital). */
export function DeskPage() {
  const { t, tn } = useDeskPageText();
  const { navigate } = useRouter();
  const errorText = useErrorText();
  const regs = useLoad(() => api.regulations(), []);
  const [q, setQ] = useState('');
  const [results, setResults] = useState<User[] | null>(null);
  const [resident, setResident] = useState<User | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const startRef = useRef<HTMLHeadingElement>(null);

  // Choosing or creating a resident replaces the forms: take focus to what comes next.
  useEffect(() => {
    if (resident) startRef.current?.focus();
  }, [resident]);

  async function search(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    try {
      setResults(await api.searchUsers(q.trim()));
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  return (
    <>
      <PageHeading>{t('desk.title')}</PageHeading>
      <Paragraph>{t('desk.intro')}</Paragraph>
      <ErrorAlert>{failure}</ErrorAlert>
      <ApplicationSearch />

      {resident ? (
        <section aria-labelledby="desk-start" className="app-section app-section--highlight">
          <Heading2 id="desk-start" className="app-subheading" ref={startRef} tabIndex={-1}>
            {t('desk.startFor', { name: resident.name })}
          </Heading2>
          <StatusMessage>{t('desk.selected', { name: resident.name })}</StatusMessage>
          <ResidentDetails resident={resident} onChanged={setResident} />
          <LetterChannelChoice userId={resident.id} />
          <StartApplication
            resident={resident}
            regulations={regs.data}
            busy={busy}
            onStart={async (regulationId) => {
              setBusy(true);
              setFailure('');
              try {
                const app = await api.createApplication({ regulationId, applicantId: resident.id });
                navigate(`/aanvragen/${app.id}/bewerken`);
              } catch (err) {
                setFailure(errorText(err));
                setBusy(false);
              }
            }}
            onOther={() => setResident(null)}
          />
        </section>
      ) : (
        <>
          <section aria-labelledby="desk-search" className="app-section">
            <Heading2 id="desk-search" className="app-subheading">
              {t('desk.search')}
            </Heading2>
            <form onSubmit={search} className="app-form">
              <TextField
                id="desk-q"
                label={t('desk.query')}
                description={t('desk.queryHint')}
                type="search"
                value={q}
                onChange={setQ}
              />
              <ButtonGroup>
                <PrimaryActionButton type="submit">{t('desk.searchButton')}</PrimaryActionButton>
              </ButtonGroup>
            </form>
            {results && (
              <>
                <StatusMessage>{tn('desk.found', results.length)}</StatusMessage>
                <ul className="app-results">
                  {results.map((u) => (
                    <li key={u.id} className="app-results__item">
                      <span>
                        <strong>{u.name}</strong>{' '}
                        <span className="app-muted">
                          {[u.email, u.postcode].filter(Boolean).join(' · ')}
                        </span>
                      </span>
                      <SecondaryActionButton
                        onClick={() => setResident(u)}
                        aria-label={t('desk.chooseNamed', { name: u.name })}
                      >
                        {t('desk.choose')}
                      </SecondaryActionButton>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <NewResidentForm onCreated={setResident} onExisting={setResident} />
        </>
      )}
    </>
  );
}

/**
 * The regulation to file under, preselected from the resident's postcode with the reason, its
 * conditions, and the buttons to start or to take another resident.
 */
function StartApplication({
  resident,
  regulations,
  busy,
  onStart,
  onOther,
}: {
  resident: User;
  /** Undefined while they load. */
  regulations: readonly Regulation[] | undefined;
  busy: boolean;
  onStart(regulationId: string): void;
  onOther(): void;
}) {
  const { c } = useChoiceText();
  const { t } = useDeskPageText();
  const choice = useRegulationChoice(resident, regulations);
  const [error, setError] = useState('');
  const chosen = regulations?.find((r) => r.id === choice.value);
  useEffect(() => {
    if (choice.value) setError('');
  }, [choice.value]);

  function start() {
    if (!chosen) {
      setError(c('choice.required'));
      document.getElementById('desk-regulation')?.focus();
      return;
    }
    onStart(chosen.id);
  }

  return (
    <>
      <RegulationSelect
        resident={resident}
        regulations={regulations ?? []}
        choice={choice}
        error={error || undefined}
      />
      {chosen && <RegulationConditions regulation={chosen} headingId="desk-conditions" />}
      <ButtonGroup>
        <PrimaryActionButton onClick={start} busy={busy} disabled={busy}>
          {t('desk.start')}
        </PrimaryActionButton>
        <SecondaryActionButton onClick={onOther}>{t('desk.other')}</SecondaryActionButton>
      </ButtonGroup>
    </>
  );
}
