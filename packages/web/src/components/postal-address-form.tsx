import { ButtonGroup, SecondaryActionButton } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, type User } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert, TextField, useErrorText } from './ui';

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
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form, setForm] = useState<Address>(
    initial ?? { street: '', postcode: '', city: 'Rotterdam' },
  );
  const [errors, setErrors] = useState<Partial<Record<keyof Address, string>>>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  // One save at a time, with the button left enabled: a disabled button loses the focus.
  const saving = useRef(false);
  const set = (key: keyof Address) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (saving.current) return;
    const missing: Partial<Record<keyof Address, string>> = {};
    for (const key of ['street', 'postcode', 'city'] as const) {
      if (!form[key].trim()) missing[key] = t('address.required');
    }
    setErrors(missing);
    setFailure('');
    if (Object.keys(missing).length > 0) return;
    saving.current = true;
    setBusy(true);
    try {
      const saved = await api.setPostalAddress(userId, {
        street: form.street.trim(),
        postcode: form.postcode.trim(),
        city: form.city.trim(),
      });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.invalidParams.length) {
        const byField: Partial<Record<keyof Address, string>> = {};
        for (const p of err.invalidParams) {
          const key = p.name.replace(/^body\./, '') as keyof Address;
          if (key in form) byField[key] = p.reason;
        }
        setErrors(byField);
      }
      setFailure(errorText(err));
    } finally {
      saving.current = false;
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} noValidate className="app-inline-form">
      <ErrorAlert>{failure}</ErrorAlert>
      <TextField
        id={`${idPrefix}-street`}
        label={t('desk.street')}
        value={form.street}
        onChange={set('street')}
        error={errors.street}
        autoComplete="off"
      />
      <TextField
        id={`${idPrefix}-postcode`}
        label={t('field.postcode')}
        value={form.postcode}
        onChange={set('postcode')}
        error={errors.postcode}
        width="short"
        autoComplete="off"
      />
      <TextField
        id={`${idPrefix}-city`}
        label={t('desk.city')}
        value={form.city}
        onChange={set('city')}
        error={errors.city}
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
