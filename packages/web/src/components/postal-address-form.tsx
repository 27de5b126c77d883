import { ButtonGroup, SecondaryActionButton } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { api, type User } from '../api/client';
import { paramsAt, useFormSubmission } from '../forms/use-form-submission';
import { useAddressText } from './address-messages';
import { useLabelAnchor } from './error-summary';
import { ErrorAlert, ErrorSummary, TextField } from './ui';

type Address = { street: string; postcode: string; city: string };

/**
 * A clerk records where a resident lives, for letters that can go only by post (a mail that
 * bounced, a resident without e-mail). The API checks the postcode; its reasons show per field.
 */
export function PostalAddressForm({
  userId,
  idPrefix,
  initial,
  onSaved,
}: {
  userId: string;
  idPrefix: string;
  /** The address known now, to correct; empty fields (and Rotterdam) when none. */
  initial?: Address;
  /** Told with the resident as the API kept them (the postcode written as the API writes it). */
  onSaved(saved: User): void;
}) {
  const { t, a } = useAddressText();
  const submission = useFormSubmission();
  const { errors, failure, busy, summary, summaryRef, submit } = submission;
  const [form, setForm] = useState<Address>(
    initial ?? { street: '', postcode: '', city: 'Rotterdam' },
  );
  const set = (key: keyof Address) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const formRef = useRef<HTMLFormElement>(null);
  const { follow } = useLabelAnchor(formRef);
  const ids = {
    street: `${idPrefix}-street`,
    postcode: `${idPrefix}-postcode`,
    city: `${idPrefix}-city`,
  };

  function save(e: FormEvent) {
    const invalid: Record<string, string> = {};
    if (!form.street.trim()) invalid[ids.street] = a('address.streetRequired');
    if (!form.postcode.trim()) invalid[ids.postcode] = a('address.postcodeRequired');
    if (!form.city.trim()) invalid[ids.city] = a('address.cityRequired');
    return submit(
      e,
      invalid,
      async () => {
        const saved = await api.setPostalAddress(userId, {
          street: form.street.trim(),
          postcode: form.postcode.trim(),
          city: form.city.trim(),
        });
        onSaved(saved);
      },
      // The API checks the postcode and the whole address: its reasons at their fields.
      paramsAt(ids),
    );
  }

  return (
    <form ref={formRef} onSubmit={save} noValidate className="app-inline-form">
      <ErrorSummary errors={summary} summaryRef={summaryRef} onFollow={follow} />
      <ErrorAlert>{failure}</ErrorAlert>
      <TextField
        id={ids.street}
        label={t('desk.street')}
        value={form.street}
        onChange={set('street')}
        error={errors[ids.street]}
        autoComplete="off"
      />
      <TextField
        id={ids.postcode}
        label={t('field.postcode')}
        value={form.postcode}
        onChange={set('postcode')}
        error={errors[ids.postcode]}
        width="short"
        autoComplete="off"
      />
      <TextField
        id={ids.city}
        label={t('desk.city')}
        value={form.city}
        onChange={set('city')}
        error={errors[ids.city]}
        autoComplete="off"
      />
      <ButtonGroup>
        <SecondaryActionButton type="submit" busy={busy} aria-disabled={busy || undefined}>
          {t('address.save')}
        </SecondaryActionButton>
      </ButtonGroup>
    </form>
  );
}
