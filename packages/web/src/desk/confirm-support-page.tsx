import {
  Alert,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
  PrimaryActionButton,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import {
  ErrorAlert,
  invalidParamsToErrors,
  PageHeading,
  StatusMessage,
  TextField,
  useErrorText,
} from '../components/ui';
import { useLoad } from '../components/use-load';
import { useRouter } from '../router/router';
import { deskApi } from './desk-api';
import { useDeskText } from './desk-messages';

/** The page a supporter opens from the mail: what they support, the code, postcode and age. */
export function ConfirmSupportPage() {
  const { d, t } = useDeskText();
  const { location } = useRouter();
  const errorText = useErrorText();
  const token = location.search.get('token') ?? '';
  const info = useLoad(
    () => (token ? deskApi.invitation(token) : Promise.reject(new Error('no token'))),
    [token],
  );
  const [form, setForm] = useState({ code: '', postcode: '', age: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState('');

  async function confirm(e: FormEvent) {
    e.preventDefault();
    setFailure('');
    const errs: Record<string, string> = {};
    if (!form.code.trim()) errs['f-code'] = d('confirm.codeRequired');
    if (!/^[1-9][0-9]{3}\s?[A-Za-z]{2}$/.test(form.postcode.trim()))
      errs['f-postcode'] = d('supporters.postcodeRequired');
    if (!/^\d{1,3}$/.test(form.age.trim())) errs['f-age'] = d('supporters.ageRequired');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await deskApi.confirmSupport({
        token,
        code: form.code.trim(),
        postcode: form.postcode.trim(),
        age: Number(form.age),
      });
      setDone(true);
    } catch (err) {
      const fe = invalidParamsToErrors(err);
      setErrors(fe);
      if (!Object.keys(fe).length) setFailure(errorText(err));
    }
  }

  if (!token) {
    return (
      <>
        <PageHeading>{d('confirm.title')}</PageHeading>
        <ErrorAlert>{d('confirm.noToken')}</ErrorAlert>
      </>
    );
  }
  if (!info.data) {
    return (
      <>
        <PageHeading>{d('confirm.title')}</PageHeading>
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
      <PageHeading>{d('confirm.title')}</PageHeading>
      <Paragraph>
        {d('confirm.intro', { applicant: i.applicantName, name: i.supporterName })}
      </Paragraph>
      <DataList className="app-datalist">
        <DataListItem>
          <DataListKey>{d('confirm.initiative')}</DataListKey>
          <DataListValue>{i.title || '–'}</DataListValue>
        </DataListItem>
        {i.description && (
          <DataListItem>
            <DataListKey>{d('confirm.description')}</DataListKey>
            <DataListValue multiline>{i.description}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{d('confirm.district')}</DataListKey>
          <DataListValue>{i.district}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{d('confirm.reference')}</DataListKey>
          <DataListValue>{i.reference}</DataListValue>
        </DataListItem>
      </DataList>
      <StatusMessage>
        {(done || i.confirmedAt) && (
          <Alert type="ok">
            <Paragraph>{d(done ? 'confirm.done' : 'confirm.already')}</Paragraph>
          </Alert>
        )}
      </StatusMessage>
      {!done && !i.confirmedAt && (
        <form onSubmit={confirm} noValidate>
          <ErrorAlert>{failure}</ErrorAlert>
          <TextField
            id="f-code"
            label={d('confirm.code')}
            value={form.code}
            error={errors['f-code']}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            width="short"
            onChange={(code) => setForm((f) => ({ ...f, code }))}
          />
          <TextField
            id="f-postcode"
            label={d('supporters.postcode')}
            value={form.postcode}
            error={errors['f-postcode']}
            required
            autoComplete="postal-code"
            width="short"
            onChange={(postcode) => setForm((f) => ({ ...f, postcode }))}
          />
          <TextField
            id="f-age"
            label={d('supporters.age')}
            value={form.age}
            error={errors['f-age']}
            required
            inputMode="numeric"
            width="short"
            onChange={(age) => setForm((f) => ({ ...f, age }))}
          />
          <ButtonGroup>
            <PrimaryActionButton type="submit">{d('confirm.button')}</PrimaryActionButton>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}
