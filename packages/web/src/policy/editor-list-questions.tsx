import { SUPPORTERS_LIST } from '@initiatief/engine';
import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading4,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField, TextField } from '../components/ui';
import { arr, changeAt, type Obj, obj, pathId, str, textIn, type Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import { supportersByDistrict, supportersMinAge } from './editor-needs';
import {
  isFreeCode,
  newQuestion,
  QuestionEditor,
  questionCode,
  SCALAR_TYPES,
} from './editor-question';
import type { DefinitionJson } from './policy-api';

/**
 * A list question's own questions (the budget's "Omschrijving" and "Bedrag"): each with its
 * texts, limits, required and display as a question of the form has them, removable unless it
 * is the list's only question or the definition counts on it (the requested amount adds it up;
 * the supporters' condition reads the age), and a new one with a label and a kind of answer. Ids
 * come from the path (`form.fields.5.fields.1.label.en`), so the check's problems lead here.
 */
export function ListQuestions({
  def,
  list,
  base,
  update,
}: {
  def: DefinitionJson;
  list: Obj;
  base: string;
  update: Update;
}) {
  const { e, word, locale } = useEditorText();
  const [label, setLabel] = useState('');
  const [type, setType] = useState('text');
  const listKey = str(list.key);
  const listTitle = textIn(list.label, locale, listKey);
  const fields = arr(list.fields).map(obj);
  const requested = obj(obj(def.form).requestedAmount);
  const minAge = listKey === SUPPORTERS_LIST ? supportersMinAge(def) : null;
  const byDistrict = listKey === SUPPORTERS_LIST && supportersByDistrict(def);
  const code = questionCode(label);
  const taken = code !== '' && fields.some((f) => f.key === code);
  const changeList = changeAt(update, base);
  /** Why a question cannot be removed, in words; null when it can. */
  const keeps = (key: string, title: string): string | null => {
    const vars = { label: title, list: listTitle };
    if (fields.length <= 1) return e('list.lastOne', vars);
    if (requested.list === listKey && requested.field === key)
      return e('list.requestedAmount', vars);
    if (minAge !== null && key === 'age') return e('list.supportersAge', { ...vars, minAge });
    if (byDistrict && key === 'postcode') return e('list.supportersPostcode', vars);
    return null;
  };
  return (
    <>
      <Heading4 className="policy-h4">{e('list.title', { list: listTitle })}</Heading4>
      <Paragraph>{e('list.intro', { list: listTitle })}</Paragraph>
      {fields.map((f, j) => {
        const key = str(f.key);
        const path = `${base}.fields.${j}`;
        // Without words in the officer's language, by its place: never the other language's.
        const words = textIn(f.label, locale, '');
        const title = words || e('form.untitled', { n: j + 1 });
        const reason = keeps(key, title);
        return (
          <Fieldset key={key || j} id={pathId(path)} tabIndex={-1} className="policy-state">
            <FieldsetLegend>
              {words ? e('list.field', { label: words }) : e('list.fieldUntitled', { n: j + 1 })}
            </FieldsetLegend>
            <QuestionEditor
              field={f}
              base={path}
              where={`${e('form.field', { label: listTitle })} › ${title}`}
              update={update}
              inList
            />
            {reason ? (
              <Paragraph>{reason}</Paragraph>
            ) : (
              <Button
                appearance="subtle-button"
                onClick={() =>
                  changeList((l) => {
                    l.fields = arr(l.fields).filter((_, n) => n !== j);
                  })
                }
              >
                {e('list.remove', { label: title })}
              </Button>
            )}
          </Fieldset>
        );
      })}
      <div className="policy-inline">
        <TextField
          id={pathId(`${base}.new`)}
          label={e('list.newLabel', { list: listTitle })}
          error={taken ? e('list.taken', { list: listTitle }) : undefined}
          value={label}
          onChange={setLabel}
          width="medium"
        />
        <SelectField
          id={pathId(`${base}.new-type`)}
          label={e('list.newType', { list: listTitle })}
          value={type}
          onChange={setType}
          options={SCALAR_TYPES.map((t) => ({ value: t, label: word('ftype', t) }))}
        />
        <Button
          appearance="secondary-action-button"
          disabled={!isFreeCode(code, fields)}
          onClick={() => {
            changeList((l) => {
              l.fields = [...arr(l.fields), newQuestion(code, type, label)];
            });
            setLabel('');
          }}
        >
          {e('list.add', { list: listTitle })}
        </Button>
      </div>
    </>
  );
}
