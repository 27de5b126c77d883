import { useEffect } from 'react';
import { useRouter } from './router';

// The part of an address after `#` that names a field of a form (a word of its label:
// forms/field-anchors.ts for the application's form, the label on the page for the shell's
// forms): written in place as the person follows an error's link, and landed on when an address
// arrives with one. The two hooks that name fields so (pages/form/use-field-anchor.ts,
// components/error-summary.tsx) share these.

/** The address as it is with another fragment, in place (no entry in the history). */
export function replaceHash(anchor: string): void {
  const { pathname, search, hash } = window.location;
  if (hash === `#${anchor}`) return;
  window.history.replaceState(window.history.state, '', `${pathname}${search}#${anchor}`);
}

/** The navigation whose fragment a form has landed on: one landing per arrival. */
let landedOn = -1;

/**
 * Arriving at an address with a fragment (a link from another page, a shared one, the browser's
 * back button): once the page shows, `land` is handed its word and says whether it named a field
 * here (and went there). A navigation is landed on once: a form that shows later on the page (once
 * its data is loaded) may still land it, a form shown again after that (the desk's new resident
 * form, after choosing another resident) does not take the focus again.
 */
export function useHashArrival(land: (word: string) => boolean): void {
  const { location } = useRouter();
  // biome-ignore lint/correctness/useExhaustiveDependencies: on every navigation; `land` as it is then
  useEffect(() => {
    const key = location.key;
    if (landedOn === key) return;
    const timer = setTimeout(() => {
      const word = window.location.hash.slice(1);
      if (!word || landedOn === key) return;
      if (land(word)) landedOn = key;
    }, 0);
    return () => clearTimeout(timer);
  }, [location.key]);
}
