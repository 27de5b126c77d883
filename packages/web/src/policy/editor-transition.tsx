import { Button, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { SelectField } from '../components/ui';
import {
  arr,
  type Branch,
  guardsOf,
  type Obj,
  obj,
  pathId,
  transitionAt,
  type Update,
} from './editor-kit';
import { useEditorText } from './editor-messages';
import { ParamsEditor } from './editor-params';
import {
  eventOfPath,
  payloadFieldsOf,
  useRefText,
  type VocabularyGroup,
  vocabularyNames,
} from './editor-ref-text';
import { useReorder } from './editor-reorder';
import { useStateOptions } from './editor-states-shared';
import type { DefinitionJson } from './policy-api';

/** Default parameters for a newly added guard or action, so it is valid at once where it can be. */
function defaultParams(
  def: DefinitionJson,
  type: string,
  event: string | undefined,
): Record<string, unknown> | undefined {
  const first = (g: 'mails' | 'letters') => Object.keys(obj(obj(def.templates)[g]))[0] ?? '';
  switch (type) {
    case 'sendNotice':
      return { template: first('mails'), audience: 'applicant' };
    case 'issueDocument':
      return { kind: 'grant', template: first('letters') };
    case 'supportersAtLeast':
      return { count: 1 };
    case 'daysBeforeActivityAtLeast':
      return { days: 0 };
    case 'amountAtMost':
      return { amount: 'requested', limit: 'regulationMax' };
    case 'amountAtLeast':
      return { amount: 'requested', cents: 0 };
    case 'actorIsNot':
      return { event: Object.keys(obj(def.events))[0] ?? '' };
    case 'assignPayload':
      // The step's first field; a timer has none, and the check asks for one.
      return {
        fields: payloadFieldsOf(def, event, 'nl')
          .slice(0, 1)
          .map((f) => f.key),
        into: 'decision',
      };
    case 'settle':
      return { amount: 'granted' };
    case 'recordPayment':
      return { kind: 'advance' };
    case 'suspendClock':
      return { defaultPeriodDays: 14 };
    case 'extendClock':
      return { defaultWeeks: 4 };
    default:
      return undefined;
  }
}

function RefList({
  def,
  update,
  branchPath,
  group,
  refs,
  title,
  empty,
  addLabel,
}: {
  def: DefinitionJson;
  update: Update;
  branchPath: string;
  group: Extract<VocabularyGroup, 'guards' | 'actions'>;
  refs: Obj[];
  title: string;
  empty: string;
  addLabel: string;
}) {
  const { e, word } = useEditorText();
  const refText = useRefText(def);
  const [adding, setAdding] = useState('');
  const prefix = group === 'guards' ? 'guard' : 'action';
  const listPath = `${branchPath}.${group === 'guards' ? 'guard' : 'actions'}`;
  /** Changes the list as an array (a single guard object becomes a list of one). */
  const change = (fn: (list: Obj[]) => void) =>
    update((d) => {
      const t = transitionAt(d, branchPath);
      const key = group === 'guards' ? 'guard' : 'actions';
      const list = group === 'guards' ? guardsOf(t) : arr(t[key]).map(obj);
      fn(list);
      if (list.length === 0) delete t[key];
      else t[key] = list;
    });
  // A condition or action is known by its place: the buttons' ids follow it there.
  const { moveButtons, announcement } = useReorder({
    names: refs.map((r) => String(r.type)),
    idOf: (_, i) => pathId(`${listPath}.${i}`),
    move: (from, to) =>
      change((list) => {
        const [item] = list.splice(from, 1);
        list.splice(to, 0, item!);
      }),
  });
  return (
    <div className="policy-refs">
      <Heading4 className="policy-h4">{title}</Heading4>
      {refs.length === 0 ? <Paragraph>{empty}</Paragraph> : null}
      <ol className="policy-ref-list">
        {refs.map((ref, i) => {
          const what = refText(group, ref, eventOfPath(branchPath));
          const path = `${listPath}.${i}`;
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity of a guard or action in the definition
              key={`${i}-${String(ref.type)}`}
              className="policy-ref"
              id={pathId(path)}
              tabIndex={-1}
            >
              <Paragraph className="policy-ref__name">{word(prefix, String(ref.type))}</Paragraph>
              <ParamsEditor
                def={def}
                group={group}
                type={String(ref.type)}
                params={obj(ref.params)}
                path={path}
                onChange={(params) =>
                  change((list) => {
                    list[i] = Object.keys(params).length
                      ? { ...list[i], params }
                      : { type: list[i]!.type };
                  })
                }
              />
              <div className="policy-inline">
                {moveButtons(i, what)}
                <Button
                  appearance="subtle-button"
                  onClick={() => change((list) => void list.splice(i, 1))}
                >
                  {e('tr.remove', { what })}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      {announcement}
      <div className="policy-inline">
        <SelectField
          id={`${pathId(listPath)}-new`}
          label={addLabel}
          value={adding}
          onChange={setAdding}
          options={[
            { value: '', label: e('tr.choose') },
            ...vocabularyNames(group).map((n) => ({ value: n, label: word(prefix, n) })),
          ]}
        />
        <Button
          appearance="secondary-action-button"
          disabled={!adding}
          onClick={() => {
            const params = defaultParams(def, adding, eventOfPath(branchPath));
            change((list) => void list.push(params ? { type: adding, params } : { type: adding }));
            setAdding('');
          }}
        >
          {addLabel}
        </Button>
      </div>
    </div>
  );
}

/** One transition without JSON: where it goes, under which conditions, and what happens. */
export function TransitionEditor({
  def,
  update,
  branch,
  title,
}: {
  def: DefinitionJson;
  update: Update;
  branch: Branch;
  title: string;
}) {
  const { e } = useEditorText();
  return (
    <details className="policy-transition" id={`${pathId(branch.path)}-details`}>
      <TransitionTarget update={update} branch={branch} title={title} />
      <RefList
        def={def}
        update={update}
        branchPath={branch.path}
        group="guards"
        refs={guardsOf(branch.t)}
        title={e('tr.guards')}
        empty={e('tr.noGuards')}
        addLabel={e('tr.addGuard')}
      />
      <RefList
        def={def}
        update={update}
        branchPath={branch.path}
        group="actions"
        refs={arr(branch.t.actions).map(obj)}
        title={e('tr.actions')}
        empty={e('tr.noActions')}
        addLabel={e('tr.addAction')}
      />
    </details>
  );
}

/**
 * The transition's summary and its target: the only parts that show the other states' labels,
 * so the only parts drawn again when one of them changes (the options come from the context).
 */
function TransitionTarget({
  update,
  branch,
  title,
}: {
  update: Update;
  branch: Branch;
  title: string;
}) {
  const { e } = useEditorText();
  const stateOptions = useStateOptions();
  const targetLabel = stateOptions.find((o) => o.value === branch.target)?.label;
  // A status removed since: said in words and marked as a problem, never read as "stays".
  const missing = branch.target !== '' && targetLabel === undefined;
  const target = missing ? e('tr.missingTarget') : (targetLabel ?? e('tr.stay'));
  return (
    <>
      <summary className={missing ? 'policy-transition__problem' : undefined}>
        {e('tr.title', { event: title, target })}
      </summary>
      <SelectField
        id={pathId(`${branch.path}.target`)}
        label={e('states.addTarget')}
        error={missing ? e('tr.missingTargetError') : undefined}
        value={branch.target}
        onChange={(v) =>
          update((d) => {
            const t = transitionAt(d, branch.path);
            if (v) t.target = v;
            else delete t.target;
          })
        }
        options={[
          ...(missing ? [{ value: branch.target, label: e('tr.missingTarget') }] : []),
          { value: '', label: e('tr.stay') },
          ...stateOptions,
        ]}
      />
    </>
  );
}
