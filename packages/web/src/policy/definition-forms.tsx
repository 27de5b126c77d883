import { DelaysSection } from './editor-delays';
import { EventsSection } from './editor-events';
import { FormSection } from './editor-form';
import { GeneralSection } from './editor-general';
import { pathId, type Update } from './editor-kit';
import { memoOnReadParts } from './editor-memo';
import { ProblemsContext } from './editor-problems';
import { StatesSection } from './editor-states';
import { TextsSection } from './editor-templates';
import type { DefinitionJson, DefinitionProblem } from './policy-api';

// A keystroke in one section draws that section again, not all six (each is thousands of nodes).
const General = memoOnReadParts(GeneralSection);
const States = memoOnReadParts(StatesSection);
const Events = memoOnReadParts(EventsSection);
const Form = memoOnReadParts(FormSection);
const Delays = memoOnReadParts(DelaysSection);
const Texts = memoOnReadParts(TextsSection);

export { ROLE_CODES } from './editor-events';
export { pathId } from './editor-kit';

/**
 * Focuses the control of a validation problem: the exact path, else the nearest enclosing part
 * that has one, else the raw JSON. Closed <details> on the way are opened.
 */
export function focusPath(path: string) {
  const parts = path.split('.');
  for (let n = parts.length; n >= 0; n--) {
    const el = document.getElementById(n === 0 ? 'def-json' : pathId(parts.slice(0, n).join('.')));
    if (!el) continue;
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) {
      d.open = true;
    }
    el.scrollIntoView({ block: 'center' });
    el.focus();
    return;
  }
}

/**
 * The form view of a definition: every change goes through `update` into the JSON. `problems`
 * (the live check's) let a control name its own problems where it sits.
 */
export function DefinitionForms({
  def,
  update,
  problems = [],
}: {
  def: DefinitionJson;
  update: Update;
  problems?: readonly DefinitionProblem[];
}) {
  return (
    <ProblemsContext.Provider value={problems}>
      <General def={def} update={update} />
      <States def={def} update={update} />
      <Events def={def} update={update} />
      <Form def={def} update={update} />
      <Delays def={def} update={update} />
      <Texts def={def} update={update} />
    </ProblemsContext.Provider>
  );
}
