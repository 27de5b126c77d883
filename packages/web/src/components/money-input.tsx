import { Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { formatMoneyInput, type MoneyParse, parseMoney } from './money';
import { describedBy, type FieldBase, FieldShell } from './ui';

export interface MoneyInputProps extends FieldBase {
  /** The amount in cents; null or undefined when nothing (readable) has been typed. */
  value: number | null | undefined;
  /**
   * Called on every keystroke with the amount read so far (null when empty or unreadable) and,
   * when the text cannot be read, why: the caller blocks "Next" on `problem`, not on null alone.
   */
  onChange(cents: number | null, problem: MoneyParse | null): void;
  onBlur?(): void;
}

/**
 * One box for an amount in euro. The person types as they write ("175.000", "2.500,50");
 * on leaving the box the amount is shown as it was read ("175.000,00"), so a misreading is
 * visible at once. Text that could mean two amounts is refused with a sentence, not guessed.
 */
export function MoneyInput({
  id,
  label,
  description,
  error,
  required,
  value,
  onChange,
  onBlur,
}: MoneyInputProps) {
  const { locale, t } = useI18n();
  const [text, setText] = useState(() => formatMoneyInput(value, locale));
  const [left, setLeft] = useState(false);
  const lastRead = useRef<number | null>(value ?? null);

  // Follow the value when it changes from outside (a reload, a reset), not while typing.
  useEffect(() => {
    const current = value ?? null;
    if (current === lastRead.current) return;
    lastRead.current = current;
    setText(formatMoneyInput(current, locale));
    setLeft(false);
  }, [value, locale]);

  const read = text.trim() === '' ? null : parseMoney(text, locale);
  const ownProblem = left && read && !read.ok ? read.message[locale] : undefined;
  const shownError = ownProblem ?? error;
  const hintId = `${id}-hint`;

  function change(next: string) {
    setText(next);
    const r = next.trim() === '' ? null : parseMoney(next, locale);
    const cents = r?.ok ? r.cents : null;
    lastRead.current = cents;
    onChange(cents, r && !r.ok ? r : null);
  }

  function leave() {
    setLeft(true);
    if (read?.ok) setText(formatMoneyInput(read.cents, locale));
    onBlur?.();
  }

  return (
    <FieldShell id={id} label={label} description={description} error={shownError}>
      <span id={hintId} className="app-money__hint">
        {t('money.hint')}
      </span>
      <div className="app-money">
        <span className="app-money__prefix" aria-hidden="true">
          €
        </span>
        <Textbox
          id={id}
          name={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          invalid={!!shownError}
          required={required}
          aria-required={required || undefined}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy(id, description, shownError, hintId)}
          className="app-money__input"
          onChange={(e) => change(e.target.value)}
          onBlur={leave}
        />
      </div>
    </FieldShell>
  );
}
