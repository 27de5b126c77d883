import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { obj, templateName } from './editor-kit';
import { useEditorText } from './editor-messages';
import type { DefinitionJson } from './policy-api';
import { usesOf } from './template-uses';

type Group = 'letters' | 'mails';
type Lang = 'nl' | 'en';

export interface TextChange {
  group: Group;
  key: string;
  /** The letter or mail by its subject, its placeholders in words. */
  name: string;
  /** Where it is sent: "Verantwoording ingediend › Vaststellen", one per transition. */
  where: string[];
}

/**
 * The letters and mails of both versions whose texts (subject or text, in either language)
 * changed, with where each is sent: a version that changed only texts shows them here in
 * words, beside the arrows the diagram marks "gewijzigd".
 */
export function textChanges(
  after: DefinitionJson,
  before: DefinitionJson,
  lang: Lang,
): TextChange[] {
  const out: TextChange[] = [];
  for (const group of ['letters', 'mails'] as const) {
    const now = obj(obj(after.templates)[group]);
    const was = obj(obj(before.templates)[group]);
    for (const [key, pair] of Object.entries(now)) {
      if (!Object.hasOwn(was, key) || JSON.stringify(was[key]) === JSON.stringify(pair)) continue;
      out.push({
        group,
        key,
        name: templateName(pair, lang),
        where: usesOf(after, group, key, lang).map((u) => u.where),
      });
    }
  }
  return out;
}

/** Beside the diagram's legend: the changed texts of letters and mails, in words. */
export function TextChanges({
  definition,
  before,
}: {
  definition: DefinitionJson;
  before: DefinitionJson;
}) {
  const { e: t, locale } = useEditorText();
  const changes = textChanges(definition, before, locale);
  if (changes.length === 0) return null;
  return (
    <>
      <Paragraph>{t('diagram.textChanges')}</Paragraph>
      <UnorderedList>
        {changes.map((c) => {
          const what = t(c.group === 'letters' ? 'diagram.letter' : 'diagram.mail', {
            name: c.name,
          });
          return (
            <UnorderedListItem key={`${c.group}.${c.key}`}>
              {c.where.length
                ? t('diagram.textUsedBy', { what, where: c.where.join('; ') })
                : t('diagram.textUnused', { what })}
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    </>
  );
}
