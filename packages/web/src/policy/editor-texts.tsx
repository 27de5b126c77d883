import { TextField } from '../components/ui';
import { type Obj, obj, pathId, str } from './editor-kit';
import { type EditorMessageKey, useEditorText } from './editor-messages';

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
  const { e } = useEditorText();
  return parts.flatMap(({ part, labels, hint }) =>
    (['nl', 'en'] as const).map((lang) => (
      <TextField
        key={`${part}.${lang}`}
        id={pathId(`${base}.${part}.${lang}`)}
        label={e(labels[lang])}
        description={hint ? e(hint) : undefined}
        value={str(obj(of[part])[lang])}
        onChange={(v) => onChange(part, lang, v)}
      />
    )),
  );
}
