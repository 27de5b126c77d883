import { LETTER_KINDS, TEMPLATE_VARIABLES } from '@initiatief/engine';
import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField, TextAreaField, TextField } from '../components/ui';
import { codeFrom, obj, pathId, str, templateName, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import { useErrorAt } from './editor-problems';
import { TemplatePreviewPanel } from './editor-template-preview';
import { SectionTools } from './editor-template-sections';
import type { DefinitionJson } from './policy-api';
import { templateVariableOption } from './template-text';
import { usesOf } from './template-uses';

type Group = 'letters' | 'mails';
type Lang = 'nl' | 'en';

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
            <TemplatePreviewPanel
              group={group}
              kind={kind}
              lang={lang}
              subject={str(t.subject)}
              body={str(t.body)}
              referencePrefix={str(def.referencePrefix)}
              sender={def.sender}
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
