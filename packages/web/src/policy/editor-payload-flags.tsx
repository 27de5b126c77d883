import { STAFF_AUDIENCE, X_AUDIENCE, X_DISPLAY } from '@initiatief/engine';
import { Checkbox, FormField, FormLabel } from '@utrecht/component-library-react';
import { type Obj, pathId } from './editor-kit';
import { useEditorText } from './editor-messages';

/**
 * The yes/no choices of a step's payload field, each a checkbox that sets or removes one key of
 * its JSON Schema: a whole number shown as a code (`x-display: 'code'`, as a question of the form
 * may), and a value for staff only (`x-audience: 'staff'`: the applicant does not read it back in
 * the history). Files sent with a step are listed to the applicant anyway, so a field of files
 * does not offer the second choice unless the definition already makes it.
 */
export function PayloadFieldFlags({
  base,
  fieldKey,
  s,
  kind,
  change,
}: {
  /** `events.<TYPE>.payload` */
  base: string;
  fieldKey: string;
  /** The field's JSON Schema. */
  s: Obj;
  /** The field's kind as the editor names it (`integer`, `attachments`, …). */
  kind: string;
  change(fn: (prop: Obj) => void): void;
}) {
  const { e } = useEditorText();
  const flag = (key: string, on: unknown, label: string, value: string) => {
    const id = pathId(`${base}.properties.${fieldKey}.${key}`);
    return (
      <FormField type="checkbox" className="app-field">
        <Checkbox
          id={id}
          appearance="html"
          className="policy-checkbox"
          checked={s[key] === on}
          onChange={(evt) => {
            const checked = evt.target.checked;
            change((prop) => {
              if (checked) prop[key] = value;
              else delete prop[key];
            });
          }}
        />
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
      </FormField>
    );
  };
  const files = kind === 'attachments' || kind === 'formData';
  return (
    <>
      {(kind === 'integer' || s[X_DISPLAY] !== undefined) &&
        flag(X_DISPLAY, 'code', e('form.code'), 'code')}
      {(!files || s[X_AUDIENCE] !== undefined) &&
        flag(X_AUDIENCE, STAFF_AUDIENCE, e('payload.staffOnly'), STAFF_AUDIENCE)}
    </>
  );
}
