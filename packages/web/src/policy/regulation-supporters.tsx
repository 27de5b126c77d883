import { SelectField } from '../components/ui';
import { useI18n } from '../i18n/i18n';
import type { PolicyRegulation } from './policy-api';

export type SupporterConfirmation = PolicyRegulation['supporterConfirmation'];

/** The field's texts, beside it (the policy catalogue is shared and long). */
const TEXT = {
  nl: {
    label: 'Hoe bevestigen ondersteuners hun steun?',
    hint: 'Elke ondersteuner krijgt een e-mail met een link en een code. Met DigiD weet u zeker wie er bevestigt; de code bewijst alleen dat iemand de e-mail kon lezen.',
    digid_or_code: 'Met DigiD of met de code uit de e-mail',
    digid: 'Alleen met DigiD',
  },
  en: {
    label: 'How do supporters confirm their support?',
    hint: 'Every supporter receives an e-mail with a link and a code. DigiD tells you for certain who confirms; the code only proves that someone could read the e-mail.',
    digid_or_code: 'With DigiD or with the code from the e-mail',
    digid: 'With DigiD only',
  },
} satisfies Record<'nl' | 'en', Record<'label' | 'hint' | SupporterConfirmation, string>>;

const OPTIONS: SupporterConfirmation[] = ['digid_or_code', 'digid'];

/** The rule in words (e.g. beside a proposed change). */
export function supporterRuleText(locale: 'nl' | 'en', rule: SupporterConfirmation): string {
  return TEXT[locale][rule];
}

/** The regulation's rule for supporters: DigiD only, or DigiD or the mailed code. */
export function SupporterConfirmationField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: SupporterConfirmation;
  error?: string;
  onChange(value: SupporterConfirmation): void;
}) {
  const { locale } = useI18n();
  const text = TEXT[locale];
  return (
    <SelectField
      id={id}
      label={text.label}
      description={text.hint}
      value={value}
      error={error}
      onChange={(v) => onChange(v === 'digid' ? 'digid' : 'digid_or_code')}
      options={OPTIONS.map((o) => ({ value: o, label: text[o] }))}
    />
  );
}
