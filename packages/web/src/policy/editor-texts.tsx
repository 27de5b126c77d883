import type { ComponentProps } from 'react';
import { TextField } from '../components/ui';
import { type Obj, obj, pathId, str } from './editor-kit';
import { type EditorMessageKey, useEditorText } from './editor-messages';
import { useErrorAt, useErrorAtId } from './editor-problems';

/** One text of a page or a question, in both languages: its boxes' labels and an optional hint. */
export interface TextPart<P extends string> {
  part: P;
  labels: Record<'nl' | 'en', EditorMessageKey>;
  hint?: EditorMessageKey;
}

/**
 * A box for each text of `of` (a page, a question) in Dutch and in English, in the order of
 * `parts`; each box's id is its path in the definition (`base.part.lang`), so a problem found in
 * the definition leads to it.
 */
export function TextsInBothLanguages<P extends string>({
  parts,
  base,
  of,
  onChange,
}: {
  parts: TextPart<P>[];
  base: string;
  of: Obj;
  onChange(part: P, lang: 'nl' | 'en', value: string): void;
}) {
  return parts.flatMap(({ part, labels, hint }) =>
    (['nl', 'en'] as const).map((lang) => (
      <TextBox
        key={`${part}.${lang}`}
        path={`${base}.${part}.${lang}`}
        label={labels[lang]}
        hint={hint}
        value={str(obj(of[part])[lang])}
        onChange={(v) => onChange(part, lang, v)}
      />
    )),
  );
}

/** One text box; the live check's problem at its path (an empty Dutch text) is its error. */
function TextBox({
  path,
  label,
  hint,
  value,
  onChange,
}: {
  path: string;
  label: EditorMessageKey;
  hint?: EditorMessageKey;
  value: string;
  onChange(value: string): void;
}) {
  const { e, locale } = useEditorText();
  return (
    <TextField
      id={pathId(path)}
      label={e(label)}
      description={hint ? e(hint) : undefined}
      error={useErrorAt(path, undefined, locale)}
      value={value}
      onChange={onChange}
    />
  );
}

/**
 * A box of the forms whose id is its path's (pathId): the live check's problem there (an empty
 * English or Dutch name, a character that cannot be stored) is its error, with aria-invalid.
 */
export function PolicyTextField(props: ComponentProps<typeof TextField>) {
  const { locale } = useEditorText();
  const error = useErrorAtId(props.id, locale);
  return <TextField {...props} error={props.error ?? error} />;
}
