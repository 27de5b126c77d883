import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading3,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField } from '../components/ui';
import {
  arr,
  codeFrom,
  type Obj,
  obj,
  pathId,
  questionAt,
  str,
  textIn,
  type Update,
} from './editor-kit';
import { useEditorText } from './editor-messages';
import { PolicyTextField as TextField, type TextPart, TextsInBothLanguages } from './editor-texts';
import type { DefinitionJson } from './policy-api';

/** A page's texts, each in both languages: its title, its title for staff, its introduction. */
const TEXTS: TextPart<'title' | 'staffTitle' | 'intro'>[] = [
  { part: 'title', labels: { nl: 'pages.titleNl', en: 'pages.titleEn' } },
  {
    part: 'staffTitle',
    labels: { nl: 'pages.staffTitleNl', en: 'pages.staffTitleEn' },
    hint: 'pages.staffTitleHint',
  },
  { part: 'intro', labels: { nl: 'pages.introNl', en: 'pages.introEn' } },
];

/**
 * The pages of the application form: their titles (for the applicant, and optionally for staff
 * and whoever fills in for her) and introductions in both languages, and a new page that starts
 * with a question moved from another page (a page is never empty by itself; which page a question
 * is on is chosen at the question).
 */
export function PagesEditor({ def, update }: { def: DefinitionJson; update: Update }) {
  const { e, locale } = useEditorText();
  const form = obj(def.form);
  const fields = arr(form.fields).map(obj);
  const pages = arr(form.pages).map(obj);
  const [nl, setNl] = useState('');
  const [en, setEn] = useState('');
  const [first, setFirst] = useState('');
  const fieldLabel = (key: string) => {
    const at = fields.findIndex((x) => x.key === key);
    return textIn(fields[at]?.label, locale, at < 0 ? key : questionAt(String(at), locale));
  };
  const changePage = (n: number, fn: (page: Obj) => void) =>
    update((d) => {
      const page = obj(arr(obj(d.form).pages)[n]);
      fn(page);
    });
  const setText = (
    n: number,
    part: 'title' | 'staffTitle' | 'intro',
    lang: 'nl' | 'en',
    v: string,
  ) =>
    changePage(n, (page) => {
      const now = obj(page[part]);
      const next = { nl: str(now.nl), en: str(now.en), [lang]: v };
      // An optional text left empty in both languages is absent (the title stands in for it).
      if (part !== 'title' && !next.nl && !next.en) delete page[part];
      else page[part] = next;
    });
  const code = codeFrom(nl);
  const taken = pages.some((pg) => pg.key === code);
  if (pages.length === 0) return null;
  return (
    <>
      <Heading3 className="policy-h3" id="def-form-pages-title">
        {e('pages.title')}
      </Heading3>
      <Paragraph>{e('pages.intro')}</Paragraph>
      {pages.map((page, n) => {
        const base = `form.pages.${n}`;
        const title = obj(page.title);
        const shown = str(title[locale]) || String(n + 1);
        const keys = arr(page.fields).map(String);
        return (
          <Fieldset
            key={str(page.key) || n}
            id={pathId(base)}
            tabIndex={-1}
            className="policy-state"
          >
            <FieldsetLegend>{e('pages.page', { n: n + 1, title: shown })}</FieldsetLegend>
            <div className="policy-grid">
              <TextsInBothLanguages
                parts={TEXTS}
                base={base}
                of={page}
                onChange={(part, lang, v) => setText(n, part, lang, v)}
              />
            </div>
            {keys.length > 0 ? (
              <Paragraph>
                {e('pages.fields', { fields: keys.map(fieldLabel).join(', ') })}
              </Paragraph>
            ) : (
              <>
                <Paragraph>{e('pages.empty')}</Paragraph>
                <Button
                  appearance="subtle-button"
                  onClick={() =>
                    update((d) => {
                      const fm = obj(d.form);
                      fm.pages = arr(fm.pages).filter((_, i) => i !== n);
                    })
                  }
                >
                  {e('pages.remove', { title: shown })}
                </Button>
              </>
            )}
          </Fieldset>
        );
      })}
      <div className="policy-inline">
        <TextField id="def-new-page-nl" label={e('pages.newNl')} value={nl} onChange={setNl} />
        <TextField id="def-new-page-en" label={e('pages.newEn')} value={en} onChange={setEn} />
        <SelectField
          id="def-new-page-first"
          label={e('pages.newFirst')}
          value={first}
          onChange={setFirst}
          options={[
            { value: '', label: e('tr.choose') },
            ...fields.map((f) => ({ value: str(f.key), label: fieldLabel(str(f.key)) })),
          ]}
        />
        <Button
          appearance="secondary-action-button"
          disabled={!code || taken || !en.trim() || !first}
          onClick={() => {
            update((d) => {
              const fm = obj(d.form);
              const ps = arr(fm.pages).map(obj);
              for (const pg of ps) pg.fields = arr(pg.fields).filter((k) => k !== first);
              fm.pages = [...ps, { key: code, title: { nl, en }, fields: [first] }];
            });
            setNl('');
            setEn('');
            setFirst('');
          }}
        >
          {e('pages.add')}
        </Button>
      </div>
    </>
  );
}
