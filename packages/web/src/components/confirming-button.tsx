import {
  Alert,
  ButtonGroup,
  Paragraph,
  PrimaryActionButton,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A button for an act that is hard to undo (a colleague's password replaced, an account switched
 * off, a version withdrawn): the first press says what will happen and asks again, with focus
 * on the confirmation; "Annuleren" goes back without doing anything.
 */
export function ConfirmingButton({
  children,
  label,
  question,
  onConfirm,
  disabled,
  className,
}: {
  children: ReactNode;
  /** The button's accessible name when its text alone is ambiguous (one per table row). */
  label?: string;
  /** What will happen, as a question a person can answer. */
  question: string;
  onConfirm(): void | Promise<void>;
  disabled?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  // The component library's buttons take no ref: focus the first button inside our own box.
  const box = useRef<HTMLDivElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking || wasAsking.current) box.current?.querySelector('button')?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <div ref={box}>
        <SecondaryActionButton
          className={className}
          aria-label={label}
          disabled={disabled}
          onClick={() => setAsking(true)}
        >
          {children}
        </SecondaryActionButton>
      </div>
    );
  }
  return (
    <div ref={box} className="app-confirm">
      <Alert type="warning" role="alert">
        <Paragraph>{question}</Paragraph>
      </Alert>
      <ButtonGroup>
        <PrimaryActionButton
          className={className}
          busy={busy}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        >
          {t('common.confirm')}
        </PrimaryActionButton>
        <SecondaryActionButton className={className} onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </SecondaryActionButton>
      </ButtonGroup>
    </div>
  );
}
