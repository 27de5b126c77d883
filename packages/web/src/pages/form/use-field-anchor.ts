import type { WorkflowDefinition } from '@initiatief/engine';
import { useCallback, useEffect } from 'react';
import { fieldId } from '../../api/client';
import { focusField } from '../../components/ui';
import { anchorOf, pathsOf, targetOfAnchor } from '../../forms/field-anchors';
import type { Locale } from '../../forms/form-pages';
import { useRouter } from '../../router/router';
import { replaceHash, useHashArrival } from '../../router/use-address-anchor';

/**
 * The form's fields in its address (`#begroting-regel-2-bedrag`, field-anchors.ts): the word of
 * each field's path (`anchor`), following an error summary's link (`follow`: to another page by
 * its address, on this page focus to the field's input and its word in the address bar, in place),
 * and arriving at an address naming a field (a link from another page, a shared or old one with
 * `#f-<key>`): its field is focused once the page shows, and the address then says its word in
 * this language (after switching languages too).
 */
export function useFieldAnchor(
  def: WorkflowDefinition,
  data: Record<string, unknown>,
  locale: Locale,
  staff: boolean,
) {
  const { navigate } = useRouter();
  const anchor = useCallback(
    (path: string) => anchorOf(def, locale, path, staff),
    [def, locale, staff],
  );
  /** The path of the field the address names now, if it names one. */
  const named = () => {
    const word = window.location.hash.slice(1);
    return word ? targetOfAnchor(def, word, pathsOf(def, data)) : null;
  };

  useHashArrival((word) => {
    const path = named();
    if (path !== null) replaceHash(anchor(path));
    const id = path === null ? word : fieldId(path);
    if (!document.getElementById(id)) return false;
    focusField(id);
    return true;
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: on a change of language only
  useEffect(() => {
    const path = named();
    if (path !== null) replaceHash(anchor(path));
  }, [anchor]);

  const follow = (target: string, word: string) => {
    if (target.startsWith('/')) return navigate(target, { force: true });
    focusField(target);
    if (word) replaceHash(word);
  };
  return { anchor, follow };
}
