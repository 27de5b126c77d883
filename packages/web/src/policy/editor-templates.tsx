import { LETTER_KINDS, TEMPLATE_VARIABLES } from '@initiatief/engine';
import { Button, Heading3, Heading4, Link, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  CheckboxField,
  ErrorAlert,
  SelectField,
  TextAreaField,
  TextField,
  useErrorText,
} from '../components/ui';
import { delayText } from './delay-text';
import { codeFrom, labelOf, obj, pathId, str, templateName, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import { useErrorAt } from './editor-problems';
import { SectionTools } from './editor-template-sections';
import {
  type DefinitionJson,
  policyApi,
  type TemplatePreview,
  type TemplatePreviewInput,
} from './policy-api';
import { paragraphLines, templateVariableOption } from './template-text';
import { TextParagraphs } from './text-paragraphs';

type Group = 'letters' | 'mails';
type Lang = 'nl' | 'en';

/**
 * Where a template is sent: "Ingediend › Verlenen" for each transition that uses it; a time limit
 * by its name or else what it is ("Ingediend › 7 dagen vóór de uiterste beslisdatum"), never its
 * code.
 */
function usesOf(def: DefinitionJson, group: Group, key: string, locale: Lang) {
  const action = group === 'letters' ? 'issueDocument' : 'sendNotice';
  const out: { where: string; kind?: string }[] = [];
  for (const [name, s] of Object.entries(obj(def.states))) {
    const st = obj(s);
    const parts: [string, unknown][] = [
      ...Object.entries(obj(st.on)).map(([ev, v]): [string, unknown] => [
        labelOf(obj(def.events)[ev], locale, ev),
        v,
      ]),
      ...Object.entries(obj(st.after)).map(([dl, v]): [string, unknown] => [
        delayText(def, dl, locale),
        v,
      ]),
    ];
    for (const [title, v] of parts) {
      for (const t of [v].flat()) {
        for (const a of (Array.isArray(obj(t).actions) ? (obj(t).actions as unknown[]) : []).map(
          obj,
        )) {
          const params = obj(a.params);
          if (a.type === action && params.template === key)
            out.push({
              where: `${labelOf(st, locale, name)} › ${title}`,
              kind: str(params.kind) || undefined,
            });
        }
      }
    }
  }
  return out;
}

function Preview({
  group,
  kind,
  lang,
  subject,
  body,
  referencePrefix,
  previewId,
}: {
  group: Group;
  kind: string;
  lang: Lang;
  subject: string;
  body: string;
  /** The text box's id, from which the preview's own controls take theirs. */
  previewId: string;
  /** The definition's own prefix, so the sample reference reads as this workflow's would. */
  referencePrefix: string;
}) {
  const { e, p } = useEditorText();
  const errorText = useErrorText();
  const [text, setText] = useState<TemplatePreview | null>(null);
  const [pdf, setPdf] = useState<string | null>(null);
  // The refusal itself, put in words when shown: in the language the page is in then.
  const [error, setError] = useState<unknown>(null);
  const [offline, setOffline] = useState(false);
  // The language's name in the interface's language: "Voorbeeld (Engels)", "Preview (Dutch)".
  const langName = p(`texts.lang.${lang}`);
  const input = {
    group,
    // chosen from the engine's LETTER_KINDS, the API's enum (client.contract.ts holds them equal)
    kind: group === 'letters' ? (kind as TemplatePreviewInput['kind']) : undefined,
    language: lang,
    subject,
    body,
    referencePrefix: /^[A-Z]{2,5}$/.test(referencePrefix) ? referencePrefix : undefined,
    online: !offline,
  };
  const sections = /\{\{[#^]online\}\}/.test(`${subject}\n${body}`);
  return (
    <div className="policy-preview">
      {sections && (
        <CheckboxField
          id={`${previewId}-offline`}
          label={e('tpl.previewOffline', { lang: langName })}
          checked={offline}
          onChange={(v) => {
            setOffline(v);
            // A preview already shown is of the other reader: show it again for this one, and
            // drop a PDF made for the other (its button makes a new one).
            setPdf(null);
            if (text) {
              setError(null);
              policyApi
                .previewTemplate({ ...input, online: !v })
                .then(setText, (err) => setError(err));
            }
          }}
        />
      )}
      <div className="policy-inline">
        <Button
          appearance="secondary-action-button"
          onClick={() => {
            setError(null);
            policyApi.previewTemplate(input).then(setText, (err) => setError(err));
          }}
        >
          {e('tpl.preview', { lang: langName })}
        </Button>
        {group === 'letters' && (
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setError(null);
              policyApi.previewTemplatePdf(input).then(
                (r) => setPdf(r.url),
                (err) => setError(err),
              );
            }}
          >
            {e('tpl.previewPdf', { lang: langName })}
          </Button>
        )}
      </div>
      <ErrorAlert>{error ? errorText(error) : ''}</ErrorAlert>
      <div role="status" aria-live="polite">
        {text && (
          <section
            className="policy-preview__mail"
            aria-label={`${e('tpl.previewTitle')} (${langName})`}
          >
            {sections && (
              <Paragraph className="policy-hint">
                {e(offline ? 'tpl.previewForOffline' : 'tpl.previewForOnline')}
              </Paragraph>
            )}
            <Heading4 className="policy-h4">{text.subject}</Heading4>
            {/* Paragraphs and line breaks as the sent mail has them (the API's paragraphsOf). */}
            <TextParagraphs paragraphs={paragraphLines(text.body)} />
          </section>
        )}
        {pdf && (
          <Paragraph>
            {e('tpl.pdfReady')}{' '}
            <Link href={pdf} target="_blank" rel="noopener">
              {e('tpl.openPdf')}
            </Link>
          </Paragraph>
        )}
      </div>
    </div>
  );
}

function TemplateEditor({
  def,
  update,
  group,
  tkey,
}: {
  def: DefinitionJson;
  update: Update;
  group: Group;
  tkey: string;
}) {
  const { p, e, enumWord, locale } = useEditorText();
  const pair = obj(obj(obj(def.templates)[group])[tkey]);
  const [variable, setVariable] = useState<string>('reference');
  const uses = usesOf(def, group, tkey, locale);
  // The live check's problems of each subject and text show at their box.
  const path = `templates.${group}.${tkey}`;
  const errors = {
    nl: {
      subject: useErrorAt(`${path}.nl.subject`, def, locale),
      body: useErrorAt(`${path}.nl.body`, def, locale),
    },
    en: {
      subject: useErrorAt(`${path}.en.subject`, def, locale),
      body: useErrorAt(`${path}.en.body`, def, locale),
    },
  };
  const [kind, setKind] = useState(uses.find((u) => u.kind)?.kind ?? 'grant');
  const set = (lang: Lang, part: 'subject' | 'body', v: string) =>
    update((d) => {
      const g = obj(obj(d.templates)[group]);
      const pr = obj(g[tkey]);
      pr[lang] = { subject: str(obj(pr[lang]).subject), body: str(obj(pr[lang]).body), [part]: v };
    });
  return (
    <details className="policy-template" id={pathId(`templates.${group}.${tkey}`)}>
      <summary>{templateName(pair, locale)}</summary>
      <Paragraph>
        {uses.length
          ? e('tpl.usedBy', { where: uses.map((u) => u.where).join('; ') })
          : e('tpl.unused')}
      </Paragraph>
      {group === 'letters' && (
        <SelectField
          id={`${pathId(`templates.${group}.${tkey}`)}-kind`}
          label={e('tpl.kind')}
          value={kind}
          onChange={setKind}
          options={LETTER_KINDS.map((k) => ({ value: k, label: enumWord('kind', k) }))}
        />
      )}
      {(['nl', 'en'] as const).map((lang) => {
        const t = obj(pair[lang]);
        const base = `templates.${group}.${tkey}.${lang}`;
        const langName = p(`texts.lang.${lang}`);
        const bodyId = pathId(`${base}.body`);
        return (
          <div key={lang} className="policy-template__lang">
            <TextField
              id={pathId(`${base}.subject`)}
              label={p('texts.subject', { lang: langName })}
              error={errors[lang].subject}
              value={str(t.subject)}
              onChange={(v) => set(lang, 'subject', v)}
            />
            <TextAreaField
              id={bodyId}
              label={p('texts.body', { lang: langName })}
              error={errors[lang].body}
              value={str(t.body)}
              rows={8}
              onChange={(v) => set(lang, 'body', v)}
            />
            <div className="policy-inline">
              <SelectField
                id={`${bodyId}-variable`}
                label={e('tpl.insert')}
                value={variable}
                onChange={setVariable}
                options={TEMPLATE_VARIABLES.map((v) => ({
                  value: v,
                  label: templateVariableOption(v, locale),
                }))}
              />
              <Button
                appearance="secondary-action-button"
                onClick={() => {
                  const el = document.getElementById(bodyId) as HTMLTextAreaElement | null;
                  const body = str(t.body);
                  const at =
                    el && document.activeElement !== null
                      ? (el.selectionStart ?? body.length)
                      : body.length;
                  set(lang, 'body', `${body.slice(0, at)}{{${variable}}}${body.slice(at)}`);
                }}
              >
                {e('tpl.insertButton', { lang: langName })}
              </Button>
            </div>
            <SectionTools
              bodyId={bodyId}
              body={str(t.body)}
              langName={langName}
              onChange={(v) => set(lang, 'body', v)}
            />
            <Preview
              group={group}
              kind={kind}
              lang={lang}
              subject={str(t.subject)}
              body={str(t.body)}
              referencePrefix={str(def.referencePrefix)}
              previewId={bodyId}
            />
          </div>
        );
      })}
    </details>
  );
}

/** Letters and mails: add, edit with a placeholder picker, preview with sample data. */
export function TextsSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { p, e } = useEditorText();
  const templates = obj(def.templates);
  const [group, setGroup] = useState<Group>('letters');
  const [name, setName] = useState('');
  const code = codeFrom(name);
  return (
    <details className="policy-section" id="def-section-texts">
      <summary id="def-texts-title" className="policy-section__summary">
        {p('texts.title')}
      </summary>
      {(['mails', 'letters'] as const).map((g) => (
        <div key={g}>
          <Heading3 className="policy-h3">
            {p(g === 'mails' ? 'texts.mails' : 'texts.letters')}
          </Heading3>
          {Object.keys(obj(templates[g])).map((k) => (
            <TemplateEditor key={k} def={def} update={update} group={g} tkey={k} />
          ))}
        </div>
      ))}
      <Heading3 className="policy-h3">{e('tpl.new')}</Heading3>
      <div className="policy-inline">
        <SelectField
          id="def-new-template-group"
          label={e('tpl.group')}
          value={group}
          onChange={(v) => setGroup(v as Group)}
          options={[
            { value: 'letters', label: p('texts.letters') },
            { value: 'mails', label: p('texts.mails') },
          ]}
        />
        <TextField
          id="def-new-template"
          label={e('tpl.key')}
          value={name}
          onChange={setName}
          width="medium"
        />
        <Button
          appearance="secondary-action-button"
          disabled={!/^[a-z][a-z0-9_]*$/.test(code) || Object.hasOwn(obj(templates[group]), code)}
          onClick={() => {
            update((d) => {
              const t = obj(d.templates);
              t[group] = {
                ...obj(t[group]),
                // The name typed is Dutch: the English subject is left for the officer to write
                // (the check asks for it), never a copy of the Dutch one.
                [code]: {
                  nl: { subject: `${name} ({{reference}})`, body: 'Beste {{applicantName}},\n\n' },
                  en: { subject: '', body: 'Dear {{applicantName}},\n\n' },
                },
              };
            });
            setName('');
          }}
        >
          {e('tpl.add')}
        </Button>
      </div>
    </details>
  );
}
