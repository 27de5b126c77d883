import {
  Alert,
  ButtonLink,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import type { Answer } from '../api/http';
import {
  ErrorAlert,
  invalidParamsToErrors,
  PageHeading,
  StatusMessage,
  TextField,
  useErrorText,
} from '../components/ui';
import { useLoad } from '../components/use-load';
import { CheckedForm } from '../forms/checked-form';
import { useFormSubmission } from '../forms/use-form-submission';
import { useRouter } from '../router/router';
import { deskApi } from './desk-api';
import { useDeskText } from './desk-messages';
import { PostcodeAgeFields } from './postcode-age-fields';
import { useSupportText } from './support-messages';

type Invitation = Answer<'/api/supporters/confirm'>;
const FIELDS = new Set(['f-code', 'f-postcode', 'f-age']);

/** What the supporter is asked to support. */
function Initiative({ i }: { i: Invitation }) {
  const { s } = useSupportText();
  return (
    <>
      <Paragraph>
        {s('confirm.intro', { applicant: i.applicantName, name: i.supporterName })}
      </Paragraph>
      <DataList className="app-datalist">
        <DataListItem>
          <DataListKey>{s('confirm.initiative')}</DataListKey>
          <DataListValue>{i.title || '–'}</DataListValue>
        </DataListItem>
        {i.description && (
          <DataListItem>
            <DataListKey>{s('confirm.description')}</DataListKey>
            <DataListValue multiline>{i.description}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{s('confirm.district')}</DataListKey>
          <DataListValue>{i.district}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{s('confirm.reference')}</DataListKey>
          <DataListValue>{i.reference}</DataListValue>
        </DataListItem>
      </DataList>
    </>
  );
}

/**
 * The confirmation itself: with the mailed code (`withCode`) or as the person signed in with
 * DigiD. Both ask postcode and age.
 */
function ConfirmForm({
  token,
  withCode,
  onDone,
}: {
  token: string;
  withCode: boolean;
  onDone(): void;
}) {
  const { d } = useDeskText();
  const { s } = useSupportText();
  const submission = useFormSubmission();
  const [form, setForm] = useState({ code: '', postcode: '', age: '' });
  const errors = submission.errors;

  function confirm(e: FormEvent) {
    const errs: Record<string, string> = {};
    if (withCode && !form.code.trim()) errs['f-code'] = s('confirm.codeRequired');
    if (!/^[1-9][0-9]{3}\s?[A-Za-z]{2}$/.test(form.postcode.trim()))
      errs['f-postcode'] = d('supporters.postcodeRequired');
    if (!/^\d{1,3}$/.test(form.age.trim())) errs['f-age'] = d('supporters.ageRequired');
    const answers = { token, postcode: form.postcode.trim(), age: Number(form.age) };
    return submission.submit(
      e,
      errs,
      async () => {
        if (withCode) await deskApi.confirmSupport({ ...answers, code: form.code.trim() });
        else await deskApi.confirmWithDigid(answers);
        onDone();
      },
      (err, fallback) => {
        const fe = invalidParamsToErrors(err);
        // The fields of this form take their own error; a reason about the person (DigiD, the
        // applicant, supported already) is said above the form, in words.
        const own = Object.fromEntries(Object.entries(fe).filter(([k]) => FIELDS.has(k)));
        const other = Object.entries(fe)
          .filter(([k]) => !FIELDS.has(k))
          .map(([, reason]) => reason);
        if (other.length) return { errors: own, failure: other.join(' ') };
        return Object.keys(own).length ? { errors: own } : fallback(err);
      },
    );
  }

  return (
    <CheckedForm submission={submission} onSubmit={confirm} submitLabel={s('confirm.button')}>
      {withCode && (
        <TextField
          id="f-code"
          label={s('confirm.code')}
          value={form.code}
          error={errors['f-code']}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          width="short"
          onChange={(code) => setForm((f) => ({ ...f, code }))}
        />
      )}
      <PostcodeAgeFields
        idPrefix="f"
        postcode={form.postcode}
        age={form.age}
        errors={errors}
        ownAddress
        onChange={(change) => setForm((f) => ({ ...f, ...change }))}
      />
    </CheckedForm>
  );
}

/** The ways to confirm the regulation allows: DigiD, and the mailed code where it may. */
function WaysToConfirm({ i, token, onDone }: { i: Invitation; token: string; onDone(): void }) {
  const { s } = useSupportText();
  const { href } = useRouter();
  const codeAllowed = i.confirmation === 'digid_or_code';
  const signedIn = i.digid.signedInAs;
  return (
    <>
      {!codeAllowed && <Paragraph>{s('confirm.digid.required')}</Paragraph>}
      {(i.digid.available || !codeAllowed) && (
        <section aria-labelledby="confirm-digid-title" className="app-section">
          <Heading2 id="confirm-digid-title" className="app-subheading">
            {s('confirm.digid.title')}
          </Heading2>
          {!i.digid.available ? (
            <Paragraph>{s('confirm.digid.unavailable')}</Paragraph>
          ) : signedIn ? (
            <>
              <Paragraph>{s('confirm.digid.signedIn', { name: signedIn })}</Paragraph>
              <ConfirmForm token={token} withCode={false} onDone={onDone} />
            </>
          ) : (
            <>
              <Paragraph id="confirm-digid-intro">{s('confirm.digid.intro')}</Paragraph>
              <ButtonLink
                appearance="primary-action-button"
                href={deskApi.digidLoginHref(token, href)}
                aria-describedby="confirm-digid-intro"
              >
                {s('confirm.digid.button')}
              </ButtonLink>
            </>
          )}
        </section>
      )}
      {codeAllowed && !signedIn && (
        // Not a named region: its heading repeats the code field's label.
        <section className="app-section">
          <Heading2 id="confirm-code-title" className="app-subheading">
            {s('confirm.code.title')}
          </Heading2>
          {i.digid.available && <Paragraph>{s('confirm.code.intro')}</Paragraph>}
          <ConfirmForm token={token} withCode onDone={onDone} />
        </section>
      )}
    </>
  );
}

/**
 * The page a supporter opens from the mail: what they support, then confirming with DigiD
 * (signing in at the broker brings them back here) or, where the regulation allows it, with the
 * mailed code; both with postcode and age.
 */
export function ConfirmSupportPage() {
  const { t, s } = useSupportText();
  const { location } = useRouter();
  const errorText = useErrorText();
  const token = location.search.get('token') ?? '';
  const info = useLoad(
    () => (token ? deskApi.invitation(token) : Promise.reject(new Error('no token'))),
    [token],
  );
  const [done, setDone] = useState(false);

  if (!token) {
    return (
      <>
        <PageHeading>{s('confirm.title')}</PageHeading>
        <ErrorAlert>{s('confirm.noToken')}</ErrorAlert>
      </>
    );
  }
  if (!info.data) {
    return (
      <>
        <PageHeading>{s('confirm.title')}</PageHeading>
        {info.error ? (
          <ErrorAlert>{errorText(info.error)}</ErrorAlert>
        ) : (
          <StatusMessage>{t('common.loading')}</StatusMessage>
        )}
      </>
    );
  }
  const i = info.data;
  return (
    <>
      <PageHeading>{s('confirm.title')}</PageHeading>
      <Initiative i={i} />
      <StatusMessage>
        {(done || i.confirmedAt) && (
          <Alert type="ok">
            <Paragraph>{s(done ? 'confirm.done' : 'confirm.already')}</Paragraph>
          </Alert>
        )}
      </StatusMessage>
      {!done && !i.confirmedAt && (
        <WaysToConfirm i={i} token={token} onDone={() => setDone(true)} />
      )}
    </>
  );
}
