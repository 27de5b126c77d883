import type { FormField } from '@initiatief/engine';
import {
  ButtonGroup,
  FormFieldDescription,
  FormFieldErrorMessage,
  SecondaryActionButton,
  SubtleButton,
} from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { fieldId } from '../api/client';
import { focusField } from '../components/ui';
import { useFormText } from '../i18n/form-messages';
import { useI18n } from '../i18n/i18n';
import { FieldInput } from './field-input';

export type ListFieldDef = Extract<FormField, { type: 'list' }>;
type Item = Record<string, unknown>;

/**
 * A list of the definition (budget lines, supporters): each item a fieldset of its sub-fields,
 * with buttons to add and remove items. A new item starts empty, so saving a half-filled line
 * never fails on a value the person has not typed yet. Removing an item moves focus to the item
 * now in its place (else the one before it, else the button that adds one) and says so politely.
 */
export function ListField({
  field,
  value,
  errors,
  onChange,
  onProblem,
  onClearProblems,
  footer,
}: {
  field: ListFieldDef;
  value: unknown;
  errors: Record<string, string>;
  onChange(items: Item[]): void;
  onProblem(path: string, message: string | null): void;
  /**
   * Forget unreadable-text problems under a path prefix: the removed item's, those of the items
   * after it moving up one (`removed` is its index).
   */
  onClearProblems(prefix: string, removed?: number): void;
  footer?: ReactNode;
}) {
  const { locale, t } = useI18n();
  const { f } = useFormText();
  const [removed, setRemoved] = useState('');
  const said = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(said.current), []);
  const items: Item[] = Array.isArray(value) ? (value as Item[]) : [];
  const label = field.label[locale];
  const help = field.help?.[locale];
  const id = fieldId(field.key);
  const error = errors[field.key];
  // Stable keys, so removing line 2 does not hand line 3's typed text to line 2's boxes.
  const keys = useRef<number[]>([]);
  const next = useRef(0);
  while (keys.current.length < items.length) keys.current.push(next.current++);
  keys.current.length = items.length;

  const setItem = (i: number, patch: Item) =>
    onChange(items.map((item, j) => (j === i ? { ...item, ...patch } : item)));

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={`app-list-field${error ? ' utrecht-form-field--invalid' : ''}`}
      aria-describedby={
        [help ? `${id}-description` : null, error ? `${id}-error` : null]
          .filter(Boolean)
          .join(' ') || undefined
      }
    >
      <legend className="app-list-field__legend">{label}</legend>
      {help && <FormFieldDescription id={`${id}-description`}>{help}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {items.map((item, i) => {
        const itemLabel = t('form.item', { list: label, n: i + 1 });
        return (
          <fieldset key={keys.current[i]} className="app-row-fieldset">
            <legend className="app-row-fieldset__legend">{itemLabel}</legend>
            <div className="app-row-fieldset__fields">
              {field.fields.map((sub) => {
                const path = `${field.key}.${i}.${sub.key}`;
                return (
                  <FieldInput
                    key={sub.key}
                    field={sub}
                    id={fieldId(path)}
                    value={item[sub.key]}
                    error={errors[path]}
                    onChange={(v) => setItem(i, { [sub.key]: v })}
                    onProblem={(m) => onProblem(path, m)}
                  />
                );
              })}
            </div>
            <SubtleButton
              type="button"
              onClick={() => {
                keys.current.splice(i, 1);
                onClearProblems(`${field.key}.`, i);
                onChange(items.filter((_, j) => j !== i));
                const left = items.length - 1;
                const first = field.fields[0]?.key;
                const row = i < left ? i : i - 1;
                const target =
                  first && row >= 0 ? fieldId(`${field.key}.${row}.${first}`) : `${id}-add`;
                setTimeout(() => focusField(target), 0);
                // Emptied first, so removing a second item with the same name is said again.
                setRemoved('');
                clearTimeout(said.current);
                said.current = setTimeout(
                  () => setRemoved(f('row.removed', { item: itemLabel })),
                  100,
                );
              }}
            >
              {t('form.removeItem', { item: itemLabel })}
            </SubtleButton>
          </fieldset>
        );
      })}
      {(field.maxItems === undefined || items.length < field.maxItems) && (
        <ButtonGroup>
          <SecondaryActionButton
            id={`${id}-add`}
            type="button"
            onClick={() => {
              const n = items.length;
              onChange([...items, {}]);
              const first = field.fields[0];
              if (first) setTimeout(() => focusField(fieldId(`${field.key}.${n}.${first.key}`)), 0);
            }}
          >
            {/* "Regel toevoegen" to see; the list's name after it for a screen reader, so the
                button's name still says which list it adds to (and starts with what is seen). */}
            {t('form.addItem')}
            <span className="app-visually-hidden"> {t('form.addItemTo', { list: label })}</span>
          </SecondaryActionButton>
        </ButtonGroup>
      )}
      {footer}
      <p role="status" aria-live="polite" className="app-visually-hidden">
        {removed}
      </p>
    </fieldset>
  );
}
