import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * The question before leaving a page with unsaved work, in the page's language with buttons that
 * say what they do (window.confirm shows "OK" and "Cancel" in the browser's language). A modal
 * <dialog>: focus moves into it, Escape means stay, and focus returns where it was.
 */
export function LeaveDialog({
  message,
  answer,
}: {
  message: string;
  answer(leave: boolean): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      before?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="leave-dialog-title"
      aria-describedby="leave-dialog-text"
      className="app-dialog"
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
    >
      <Heading2 id="leave-dialog-title">{t('leave.title')}</Heading2>
      <Paragraph id="leave-dialog-text">{message}</Paragraph>
      <ButtonGroup>
        {/* Staying is the safe choice, so it has the focus first. */}
        <Button appearance="primary-action-button" autoFocus onClick={() => answer(false)}>
          {t('leave.stay')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => answer(true)}>
          {t('leave.go')}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}
