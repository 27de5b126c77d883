import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading2,
  RadioButton,
} from '@utrecht/component-library-react';
import { type FormEvent, type MouseEvent, useState } from 'react';
import type { LetterChannelState, User } from '../api/client';
import { useAddressText } from '../components/address-messages';
import { TextField } from '../components/ui';
import { CheckedForm } from '../forms/checked-form';
import { useFormSubmission } from '../forms/use-form-submission';
import { useDeskPageText } from '../pages/desk-page-messages';
import { deskApi, type Lookalike, lookalikesOf } from './desk-api';
import { LookalikeResidents } from './lookalike-residents';

type Channel = LetterChannelState['channel'];

/**
 * The desk registers a resident who applies with help. A resident without e-mail, or who wants
 * letters on paper, gets every letter and decision by post: then the postal address is required
 * here, field by field, as the API requires it (POST /api/users). With e-mail it may be left out.
 *
 * A resident is registered once: when the API finds residents who look the same (a similar name
 * at the same address, the same e-mail address or phone number) it refuses, and they are shown
 * to open instead (`onExisting`), or, after checking, to register anyway as someone else.
 */
export function NewResidentForm({
  onCreated,
  onExisting,
}: {
  onCreated(user: User): void;
  onExisting(user: User): void;
}) {
  const { a } = useAddressText();
  const { t } = useDeskPageText();
  const submission = useFormSubmission();
  const [form, setForm] = useState({
    name: '',
    email: '',
    street: '',
    postcode: '',
    city: 'Rotterdam',
  });
  const [chosen, setChosen] = useState<Channel | null>(null);
  // The residents the API found who look the same as what was sent; gone once the form changes.
  const [lookalikes, setLookalikes] = useState<{ list: Lookalike[]; emailTaken: boolean } | null>(
    null,
  );
  const set = (key: keyof typeof form) => (value: string) => {
    setLookalikes(null);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const hasEmail = form.email.trim() !== '';
  // Without e-mail there is only post; with e-mail, e-mail until post is chosen.
  const channel: Channel = hasEmail ? (chosen ?? 'email') : 'paper';
  const byPost = channel === 'paper';
  // The town is filled in beforehand: only a street or postcode typed counts as an address given.
  const addressGiven = form.street.trim() !== '' || form.postcode.trim() !== '';
  const addressNeeded = byPost || addressGiven;
  const errors = submission.errors;

  function submit(e: FormEvent | MouseEvent<HTMLButtonElement>, confirmedDifferent = false) {
    const invalid: Record<string, string> = {};
    if (!form.name.trim()) invalid['f-name'] = t('desk.nameRequired');
    if (hasEmail && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(form.email.trim()))
      invalid['f-email'] = t('auth.emailInvalid');
    if (addressNeeded) {
      if (!form.street.trim()) invalid['f-street'] = a('address.streetRequired');
      if (!form.postcode.trim()) invalid['f-postcode'] = a('address.postcodeRequired');
      if (!form.city.trim()) invalid['f-city'] = a('address.cityRequired');
    }
    if (!confirmedDifferent) setLookalikes(null);
    void submission.submit(
      e,
      invalid,
      async () => {
        const address = addressNeeded
          ? { street: form.street.trim(), postcode: form.postcode.trim(), city: form.city.trim() }
          : {};
        const user = await deskApi.registerResident({
          name: form.name.trim(),
          email: form.email.trim() || undefined,
          letterChannel: channel,
          ...address,
          ...(confirmedDifferent ? { confirmedDifferent } : {}),
        });
        onCreated(user);
      },
      (err, fallback) => {
        const list = lookalikesOf(err);
        if (!list) return fallback(err);
        const emailTaken = list.some((u) => u.matchedOn.includes('email'));
        setLookalikes({ list, emailTaken });
        // A taken e-mail address is also said at its field; the warning takes the focus.
        if (emailTaken) submission.show(fallback(err).errors ?? {});
        return null;
      },
    );
  }

  const options: { value: Channel; label: string; hint: string }[] = [
    {
      value: 'email',
      label: t('channel.email'),
      hint: hasEmail ? t('channel.emailHintDesk') : t('channel.emailMissing'),
    },
    { value: 'paper', label: t('channel.paper'), hint: t('channel.paperHintDesk') },
  ];

  return (
    <section aria-labelledby="desk-new" className="app-section">
      <Heading2 id="desk-new" className="app-subheading">
        {t('desk.newResident')}
      </Heading2>
      {lookalikes && (
        <LookalikeResidents
          lookalikes={lookalikes.list}
          emailTaken={lookalikes.emailTaken}
          busy={submission.busy}
          onChoose={onExisting}
          onRegisterAnyway={(event) => submit(event, true)}
        />
      )}
      <CheckedForm submission={submission} onSubmit={submit} submitLabel={t('desk.create')}>
        <TextField
          id="f-name"
          label={t('auth.name')}
          value={form.name}
          error={errors['f-name']}
          required
          onChange={set('name')}
        />
        <TextField
          id="f-email"
          label={t('auth.email')}
          type="email"
          value={form.email}
          error={errors['f-email']}
          description={t('desk.emailHint')}
          onChange={set('email')}
        />
        <Fieldset>
          <FieldsetLegend>{t('channel.legendDesk')}</FieldsetLegend>
          {options.map((option) => {
            // The e-mail option also carries a problem the API names `letterChannel`.
            const id = option.value === 'email' ? 'f-letterChannel' : 'f-letterChannel-paper';
            return (
              <FormField key={option.value} className="app-field">
                <div className="app-choice">
                  <RadioButton
                    id={id}
                    name="desk-letter-channel"
                    value={option.value}
                    checked={channel === option.value}
                    disabled={option.value === 'email' && !hasEmail}
                    aria-describedby={`${id}-hint`}
                    onChange={() => setChosen(option.value)}
                  />
                  <FormLabel htmlFor={id} type="radio">
                    {option.label}
                  </FormLabel>
                </div>
                <FormFieldDescription id={`${id}-hint`}>{option.hint}</FormFieldDescription>
              </FormField>
            );
          })}
        </Fieldset>
        <Fieldset aria-describedby="desk-address-hint">
          <FieldsetLegend>{a('address.title')}</FieldsetLegend>
          <FormFieldDescription id="desk-address-hint">
            {a(byPost ? 'desk.addressRequired' : 'desk.addressOptional')}
          </FormFieldDescription>
          <TextField
            id="f-street"
            label={t('desk.street')}
            value={form.street}
            error={errors['f-street']}
            required={addressNeeded}
            onChange={set('street')}
          />
          <TextField
            id="f-postcode"
            label={t('field.postcode')}
            width="short"
            value={form.postcode}
            error={errors['f-postcode']}
            required={addressNeeded}
            onChange={(v) => set('postcode')(v.toUpperCase())}
          />
          <TextField
            id="f-city"
            label={t('desk.city')}
            width="medium"
            value={form.city}
            error={errors['f-city']}
            required={addressNeeded}
            onChange={set('city')}
          />
        </Fieldset>
      </CheckedForm>
    </section>
  );
}
