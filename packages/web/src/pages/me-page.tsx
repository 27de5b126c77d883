import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { api, type LetterChannelState, type Me } from '../api/client';
import { addressLine, isCompleteAddress, useAddressText } from '../components/address-messages';
import { LetterChannelChoice } from '../components/letter-channel-choice';
import { PageHeading, StatusMessage } from '../components/ui';
import { useLoad } from '../components/use-load';
import { CheckedField, CheckedForm } from '../forms/checked-form';
import { useFormSubmission } from '../forms/use-form-submission';
import { useSession } from '../session/session';

/**
 * "Mijn gegevens": who you are, where letters by post go (the postal address, which you may
 * correct here) and how letters and decisions reach you, in words and as a choice.
 */
export function MePage() {
  const { t, tx, a } = useAddressText();
  const { me, setMe } = useSession();
  const channel = useLoad(() => api.letterChannel(), []);
  if (!me) return null;
  const complete = isCompleteAddress(me);
  const byPost = channel.data?.effective === 'paper';
  return (
    <>
      <PageHeading>{t('me.title')}</PageHeading>
      <DataList className="app-datalist">
        <DataListItem>
          <DataListKey>{t('me.name')}</DataListKey>
          <DataListValue value={me.name}>{me.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('me.email')}</DataListKey>
          <DataListValue value={me.email ?? ''}>{me.email ?? '–'}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{a('address.title')}</DataListKey>
          <DataListValue value={addressLine(me)}>
            {addressLine(me) ? <AddressBlock me={me} /> : a('me.addressUnknown')}
          </DataListValue>
        </DataListItem>
        {channel.data && (
          <DataListItem>
            <DataListKey>{a('me.letters')}</DataListKey>
            <DataListValue>
              {byPost
                ? a(complete ? 'me.lettersByPost' : 'me.lettersByPostNoAddress')
                : a('me.lettersByEmail')}
            </DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{t('me.roles')}</DataListKey>
          <DataListValue value={me.roles.join(', ')}>
            <UnorderedList className="app-plain-list">
              {me.roles.map((r) => (
                <UnorderedListItem key={r}>{tx(`role.${r}`, r)}</UnorderedListItem>
              ))}
            </UnorderedList>
          </DataListValue>
        </DataListItem>
      </DataList>
      <section aria-labelledby="me-address" className="app-section">
        <Heading2 id="me-address" className="app-subheading">
          {a('me.addressTitle')}
        </Heading2>
        <Paragraph>{a('me.addressIntro')}</Paragraph>
        {byPost && !complete && (
          <Alert type="warning">
            <Paragraph>{a('me.addressMissing')}</Paragraph>
          </Alert>
        )}
        <PostalAddressOfMine me={me} onSaved={setMe} />
      </section>
      <LetterChannelChoice onSaved={(saved: LetterChannelState) => channel.setData(saved)} />
    </>
  );
}

/** The address as on an envelope: the street, then postcode and town. */
function AddressBlock({ me }: { me: Me }) {
  const town = [me.postcode, me.city].filter(Boolean).join(' ');
  return (
    <>
      {me.street}
      {me.street && town ? <br /> : null}
      {town}
    </>
  );
}

/** The resident corrects their postal address; the API checks the postcode and the whole. */
function PostalAddressOfMine({ me, onSaved }: { me: Me; onSaved(me: Me): void }) {
  const { t, a } = useAddressText();
  const submission = useFormSubmission();
  const [form, setForm] = useState({
    street: me.street ?? '',
    postcode: me.postcode ?? '',
    city: me.city ?? '',
  });
  const [saved, setSaved] = useState('');
  const set = (key: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));

  function submit(e: FormEvent) {
    setSaved('');
    const invalid: Record<string, string> = {};
    if (!form.street.trim()) invalid['f-street'] = a('address.streetRequired');
    if (!form.postcode.trim()) invalid['f-postcode'] = a('address.postcodeRequired');
    if (!form.city.trim()) invalid['f-city'] = a('address.cityRequired');
    void submission.submit(e, invalid, async () => {
      const updated = await api.setMyPostalAddress({
        street: form.street.trim(),
        postcode: form.postcode.trim(),
        city: form.city.trim(),
      });
      onSaved(updated);
      setForm({
        street: updated.street ?? '',
        postcode: updated.postcode ?? '',
        city: updated.city ?? '',
      });
      setSaved(a('me.addressSaved', { address: addressLine(updated) }));
    });
  }

  return (
    <>
      <CheckedForm submission={submission} onSubmit={submit} submitLabel={a('me.addressSave')}>
        <CheckedField
          submission={submission}
          id="f-street"
          label={t('desk.street')}
          autoComplete="address-line1"
          value={form.street}
          onChange={set('street')}
        />
        <CheckedField
          submission={submission}
          id="f-postcode"
          label={t('field.postcode')}
          autoComplete="postal-code"
          width="short"
          value={form.postcode}
          onChange={set('postcode')}
        />
        <CheckedField
          submission={submission}
          id="f-city"
          label={t('desk.city')}
          autoComplete="address-level2"
          width="medium"
          value={form.city}
          onChange={set('city')}
        />
      </CheckedForm>
      <StatusMessage>{saved}</StatusMessage>
    </>
  );
}
