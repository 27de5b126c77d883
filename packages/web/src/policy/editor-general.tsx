import { SENDER_DEPARTMENT_MAX } from '@initiatief/engine';
import { Paragraph } from '@utrecht/component-library-react';
import { TextAreaField } from '../components/ui';
import { obj, pathId, str, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import { PolicyTextField as TextField } from './editor-texts';
import type { DefinitionJson } from './policy-api';

/**
 * The workflow's name and description as residents see them, its reference prefix, and the team
 * that sends its letters (`sender.department`: the letterhead's line under the municipality).
 */
export function GeneralSection({ def, update }: { def: DefinitionJson; update: Update }) {
  const { e } = useEditorText();
  const title = obj(def.title);
  const description = obj(def.description);
  const prefix = str(def.referencePrefix);
  const department = obj(obj(def.sender).department);
  // Both boxes empty: no sender of its own, the letters keep the default team.
  const setDepartment = (lang: 'nl' | 'en', v: string) =>
    update((d) => {
      const now = obj(obj(d.sender).department);
      const next = { nl: str(now.nl), en: str(now.en), [lang]: v };
      if (next.nl === '' && next.en === '') delete d.sender;
      else d.sender = { ...obj(d.sender), department: next };
    });
  const setText = (part: 'title' | 'description', lang: 'nl' | 'en', v: string) =>
    update((d) => {
      const now = obj(d[part]);
      d[part] = { nl: str(now.nl), en: str(now.en), [lang]: v };
    });
  return (
    <details className="policy-section" id="def-section-general">
      <summary id="def-general-title" className="policy-section__summary">
        {e('general.title')}
      </summary>
      <Paragraph>{e('general.intro')}</Paragraph>
      <div className="policy-grid">
        <TextField
          id={pathId('title.nl')}
          label={e('general.titleNl')}
          value={str(title.nl)}
          onChange={(v) => setText('title', 'nl', v)}
        />
        <TextField
          id={pathId('title.en')}
          label={e('general.titleEn')}
          value={str(title.en)}
          onChange={(v) => setText('title', 'en', v)}
        />
        <TextAreaField
          id={pathId('description.nl')}
          label={e('general.descriptionNl')}
          value={str(description.nl)}
          onChange={(v) => setText('description', 'nl', v)}
        />
        <TextAreaField
          id={pathId('description.en')}
          label={e('general.descriptionEn')}
          value={str(description.en)}
          onChange={(v) => setText('description', 'en', v)}
        />
      </div>
      <TextField
        id={pathId('referencePrefix')}
        label={e('general.prefix')}
        description={e('general.prefixHelp', {
          example: `${prefix || 'BI'}-${new Date().getFullYear()}-000123`,
        })}
        width="short"
        value={prefix}
        onChange={(v) =>
          update((d) => {
            const next = v.toUpperCase();
            if (next) d.referencePrefix = next;
            else delete d.referencePrefix;
          })
        }
      />
      <div className="policy-grid">
        <TextField
          id={pathId('sender.department.nl')}
          label={e('general.senderNl')}
          description={e('general.senderHelp', { max: SENDER_DEPARTMENT_MAX })}
          value={str(department.nl)}
          onChange={(v) => setDepartment('nl', v)}
        />
        <TextField
          id={pathId('sender.department.en')}
          label={e('general.senderEn')}
          description={e('general.senderEnHelp')}
          value={str(department.en)}
          onChange={(v) => setDepartment('en', v)}
        />
      </div>
    </details>
  );
}
