import {
  Alert,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  SecondaryActionButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, type SyntheticEvent, useState } from 'react';
import { api, type LetterChannelState, type Me } from '../api/client';
import { addressLine, isCompleteAddress, useAddressText } from '../components/address-messages';
import { LetterChannelChoice } from '../components/letter-channel-choice';
import { invalidParamsToErrors, PageHeading, StatusMessage } from '../components/ui';
import { useLoad } from '../components/use-load';
import { CheckedField, CheckedForm } from '../forms/checked-form';
import { useFormSubmission } from '../forms/use-form-submission';
import { useSession } from '../session/session';

type Address = { street: string; postcode: string; city: string };
const ADDRESS_KEYS = ['street', 'postcode', 'city'] as const;
const NO_ADDRESS: Address = { street: '', postcode: '', city: '' };

/**
 * "Mijn gegevens": who you are, where letters by post go (the postal address, which you may
 * correct or remove here) and how letters and decisions reach you, in words and as a choice.
 */
export function MePage() {
  const { t, tx, a } = useAddressText();
  const { me, setMe } = useSession();
  const channel = useLoad(() => api.letterChannel(), []);
  const addressForm = useFormSubmission();
  if (!me) return null;
  const complete = isCompleteAddress(me);
  const byPost = channel.data?.effective === 'paper';

  /**
   * Post chosen without a whole address: the API names the missing fields, which are in the
   * address form above, so they are shown there, at each field by its label.
   */
  const refusedChoice = (err: unknown): string | undefined => {
    const all = invalidParamsToErrors(err);
    const errors = Object.fromEntries(
      ADDRESS_KEYS.map((key) => [`f-${key}`, all[`f-${key}`]]).filter(([, message]) => message),
    );
    if (Object.keys(errors).length === 0) return undefined;
    addressForm.show(errors);
    return a('me.postNeedsAddress');
  };
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
          <DataListValue value={addressLine(me) || a('me.addressUnknown')}>
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
        <PostalAddressOfMine me={me} byPost={byPost} submission={addressForm} onSaved={setMe} />
      </section>
      <LetterChannelChoice
        onSaved={(saved: LetterChannelState) => {
          channel.setData(saved);
          // What the address form said was for the channel before; it may no longer hold.
          addressForm.show({});
        }}
        onRefused={refusedChoice}
      />
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

/**
 * The resident corrects their postal address, or removes it: with the button, or by emptying
 * all three fields. The API checks the postcode and the whole, and refuses a removal while
 * letters go by post; its reasons show at the fields.
 */
function PostalAddressOfMine({
  me,
  byPost,
  submission,
  onSaved,
}: {
  me: Me;
  byPost: boolean;
  submission: ReturnType<typeof useFormSubmission>;
  onSaved(me: Me): void;
}) {
  const { t, a } = useAddressText();
  const [form, setForm] = useState<Address>({
    street: me.street ?? '',
    postcode: me.postcode ?? '',
    city: me.city ?? '',
  });
  const [saved, setSaved] = useState('');
  const set = (key: keyof Address) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const stored = addressLine(me) !== '';

  function save(e: SyntheticEvent, address: Address) {
    setSaved('');
    const removing = ADDRESS_KEYS.every((key) => !address[key].trim());
    const invalid: Record<string, string> = {};
    if (!removing) {
      if (!address.street.trim()) invalid['f-street'] = a('address.streetRequired');
      if (!address.postcode.trim()) invalid['f-postcode'] = a('address.postcodeRequired');
      if (!address.city.trim()) invalid['f-city'] = a('address.cityRequired');
    }
    void submission.submit(e, invalid, async () => {
      const updated = await api.setMyPostalAddress(
        removing
          ? { street: null, postcode: null, city: null }
          : {
              street: address.street.trim(),
              postcode: address.postcode.trim(),
              city: address.city.trim(),
            },
      );
      onSaved(updated);
      setForm({
        street: updated.street ?? '',
        postcode: updated.postcode ?? '',
        city: updated.city ?? '',
      });
      setSaved(
        removing ? a('me.addressRemoved') : a('me.addressSaved', { address: addressLine(updated) }),
      );
    });
  }

  function remove(e: SyntheticEvent) {
    setForm(NO_ADDRESS);
    save(e, NO_ADDRESS);
  }

  return (
    <>
      <CheckedForm
        submission={submission}
        onSubmit={(e: FormEvent) => save(e, form)}
        submitLabel={a('me.addressSave')}
      >
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
      {stored && !byPost && (
        <>
          <Paragraph id="me-address-remove-hint">{a('me.addressRemoveHint')}</Paragraph>
          <ButtonGroup>
            <SecondaryActionButton
              type="button"
              aria-describedby="me-address-remove-hint"
              disabled={submission.busy}
              onClick={remove}
            >
              {a('me.addressRemove')}
            </SecondaryActionButton>
          </ButtonGroup>
        </>
      )}
      {stored && byPost && Boolean(me.email) && (
        <Paragraph>{a('me.addressRemoveByPost')}</Paragraph>
      )}
      <StatusMessage>{saved}</StatusMessage>
    </>
  );
}
