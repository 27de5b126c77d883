/**
 * What every state's editor shows of the other states: their names in the choice of a
 * transition's target, the state's place in the order, and, before it is removed, the
 * transitions that go to it. A state's editor is memoised on its own state (editor-states.tsx);
 * these few small parts follow the whole list through a context instead, so a change to one
 * state draws them again without drawing every other state's editor.
 */
import { createContext, type ReactNode, useContext, useRef } from 'react';
import { SelectField } from '../components/ui';
import type { Update } from './editor-kit';
import { useEditorText } from './editor-messages';
import { RemoveStateButton } from './editor-state-remove';
import type { DefinitionJson } from './policy-api';

export interface StatesShared {
  def: DefinitionJson;
  orderButtons(name: string, what: string): ReactNode;
}

export const StatesContext = createContext<StatesShared | null>(null);

function useShared(): StatesShared {
  const shared = useContext(StatesContext);
  if (!shared) throw new Error('A state’s editor is drawn inside StatesSection.');
  return shared;
}

/** The up and down buttons of the state `name`, named `what`. */
export function StateOrder({ name, what }: { name: string; what: string }) {
  return useShared().orderButtons(name, what);
}

/** Removing the state (not the first state); the question names the transitions to it. */
export function RemoveState({
  update,
  name,
  title,
}: {
  update: Update;
  name: string;
  title: string;
}) {
  const { def } = useShared();
  if (name === def.initial) return null;
  return <RemoveStateButton def={def} update={update} name={name} title={title} />;
}

export type Option = { value: string; label: string };

/** Every state by its label, in the definition's order; a new array only when one changed. */
export const StateOptionsContext = createContext<Option[]>([]);

export function useStateOptions(): Option[] {
  return useContext(StateOptionsContext);
}

/** `options`, as the same array as last time when no value or label changed. */
export function useStableOptions(options: Option[]): Option[] {
  const last = useRef(options);
  const before = last.current;
  const same =
    before.length === options.length &&
    before.every((o, i) => o.value === options[i]!.value && o.label === options[i]!.label);
  if (!same) last.current = options;
  return last.current;
}

/** The target of a new transition that stays in the state, in the choice of its target. */
export const STAY = '__stay';

/** The choice of a new transition's target: another state (by its label), or staying. */
export function NewTargetSelect({
  from,
  value,
  onChange,
}: {
  from: string;
  value: string;
  onChange(value: string): void;
}) {
  const { e } = useEditorText();
  const stateOptions = useStateOptions();
  return (
    <SelectField
      id={`def-new-target-${from}`}
      label={e('states.addTarget')}
      description={e('states.pickTarget')}
      value={value}
      onChange={onChange}
      options={[
        { value: '', label: e('tr.choose') },
        ...stateOptions.filter((o) => o.value !== from),
        { value: STAY, label: e('tr.stay') },
      ]}
    />
  );
}
