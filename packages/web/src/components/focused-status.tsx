import { Alert } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A confirmation that replaces the form it answers. The form's button is gone with the form, so
 * the focus moves here: keyboard and screen-reader users land on the confirmation instead of at
 * the top of the page (a live region that appears with its text is often not read out at all).
 */
export function FocusedStatus({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert ref={ref} tabIndex={-1} type="ok" role="status">
      {children}
    </Alert>
  );
}
