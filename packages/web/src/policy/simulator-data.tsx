import type { Issue, WorkflowDefinition } from '@initiatief/engine';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { fieldId } from '../api/client';
import { ErrorSummary, focusField, TextAreaField } from '../components/ui';
import { formProblems } from '../forms/form-model';
import { useInputProblems } from '../forms/use-input-problems';
import { usePolicyText } from './policy-messages';
import { TrialForm } from './simulator-form';
import { useSimulatorText } from './simulator-messages';
import { dataIssues, readData } from './simulator-model';
import { sampleDataFor } from './simulator-sample';

type Data = Record<string, unknown>;
type Errors = Record<string, string>;
/** The problems in both languages, so switching the interface's language says them anew. */
type BothErrors = Record<'nl' | 'en', Errors>;
const NONE: BothErrors = { nl: {}, en: {} };

const TITLE_ID = 'sim-data-title';
const JSON_ID = 'sim-data';

/**
 * The trial application's data: a form made from the definition being tried (prefilled with
 * sample data), with the JSON of the same data as an expert view instead of the form. The data
 * is one object; the JSON view edits its text and every text that reads as an object becomes
 * the data, so switching back shows it in the form. Problems (text that is not a value, the
 * engine's validation) show at their fields and in an error summary that links to them.
 */
export function useTrialData(definition: WorkflowDefinition, day: string, district?: string) {
  const { locale } = usePolicyText();
  const [data, setData] = useState<Data>(() => sampleDataFor(definition, day, district));
  /** The JSON view's text; null while the form is shown. */
  const [json, setJson] = useState<string | null>(null);
  // Another district chosen (a regulation, or typed) while the data is still the sample as made:
  // the sample again, so its supporters live in the district the trial now runs in.
  const [sampledFor, setSampledFor] = useState(district);
  if (sampledFor !== district) {
    setSampledFor(district);
    const before = sampleDataFor(definition, day, sampledFor);
    if (json === null && JSON.stringify(before) === JSON.stringify(data))
      setData(sampleDataFor(definition, day, district));
  }
  const [open, setOpen] = useState(false);
  /** Text typed that is not a value of its field ("12a", an amount that reads two ways). */
  const { problems, setProblems, setProblem, clearProblems } = useInputProblems();
  const [errors, setErrors] = useState<BothErrors>(NONE);
  /** What the status line says: that the sample data was filled in again, or nothing. */
  const [said, setSaid] = useState<'' | 'reset'>('');
  const summaryRef = useRef<HTMLDivElement>(null);

  const show = (next: BothErrors) => {
    setErrors(next);
    if (Object.keys(next[locale]).length === 0) return;
    setOpen(true);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  return {
    definition,
    data,
    json,
    open,
    errors: errors[locale],
    said,
    summaryRef,
    setProblem,
    clearProblems,
    setOpen,
    /** The form changed the data. */
    change(next: Data) {
      setData(next);
      setSaid('');
    },
    /** The JSON view's text changed: an object becomes the data at once. */
    changeJson(text: string) {
      setJson(text);
      const read = readData(text);
      if (read.ok) setData(read.data);
    },
    /** The JSON view instead of the form, or back; the form's half-typed texts go with it. */
    showJson(on: boolean) {
      setJson(on ? JSON.stringify(data, null, 2) : null);
      if (on) setProblems({});
      setSaid('');
    },
    reset() {
      const sample = sampleDataFor(definition, day, district);
      setData(sample);
      setProblems({});
      setErrors(NONE);
      if (json !== null) setJson(JSON.stringify(sample, null, 2));
      setSaid('reset');
    },
    /** JSON text that is not an object, or its reason; null when the data reads. */
    jsonProblem(): string | null {
      if (json === null) return null;
      const read = readData(json);
      return read.ok ? null : read.message;
    },
    /**
     * Every problem of the data as the form would say it (text that is not a value first),
     * shown at the fields; `blocking` tells whether the data cannot be what was typed.
     */
    check(): { blocking: boolean; any: boolean } {
      // A text typed that is not a value is said in the language it was found in.
      const all = {
        nl: formProblems(definition, data, problems, 'nl'),
        en: formProblems(definition, data, problems, 'en'),
      };
      show(all);
      return { blocking: Object.keys(problems).length > 0, any: Object.keys(all.nl).length > 0 };
    },
    /** The engine's refusal: the issues about the application's data, at their fields. */
    showIssues(issues: readonly Issue[]) {
      const found = { nl: dataIssues(issues, 'nl'), en: dataIssues(issues, 'en') };
      if (Object.keys(found.nl).length) show(found);
    },
  };
}

export type TrialData = ReturnType<typeof useTrialData>;

/**
 * The trial application's data behind a disclosure: the error summary, the form (or the JSON
 * view instead of it), and a button to fill in the sample data again.
 */
export function TrialDataSection({ trial, maxCents }: { trial: TrialData; maxCents?: number }) {
  const { p } = usePolicyText();
  const { s } = useSimulatorText();
  const fields = new Set(trial.definition.form.fields.map((f) => f.key));
  const jsonProblem = trial.jsonProblem();
  const summary = Object.entries(trial.errors).map(([path, message]) => ({
    // A problem of no field (one the definition no longer has) links to the data as a whole.
    target: fields.has(path.split('.')[0] ?? '') ? fieldId(path) : TITLE_ID,
    message,
  }));
  const follow = (target: string) => {
    trial.setOpen(true);
    if (trial.json !== null && !jsonProblem) trial.showJson(false);
    setTimeout(() => focusField(target), 0);
  };
  return (
    <>
      <ErrorSummary errors={summary} summaryRef={trial.summaryRef} onFollow={follow} />
      <details
        className="policy-sim-data"
        open={trial.open}
        onToggle={(e) => trial.setOpen(e.currentTarget.open)}
      >
        <summary id={TITLE_ID}>{s('sd.title')}</summary>
        <Paragraph>{s('sd.intro')}</Paragraph>
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            onClick={() => trial.showJson(trial.json === null)}
          >
            {trial.json === null ? s('sd.showJson') : s('sd.showForm')}
          </Button>
          <Button appearance="subtle-button" onClick={trial.reset}>
            {s('sd.reset')}
          </Button>
        </ButtonGroup>
        <p role="status" aria-live="polite" className="policy-visually-hidden">
          {trial.said === 'reset' ? s('sd.resetDone') : ''}
        </p>
        {trial.json === null ? (
          <TrialForm
            definition={trial.definition}
            data={trial.data}
            errors={trial.errors}
            maxCents={maxCents}
            onChange={trial.change}
            onProblem={trial.setProblem}
            onClearProblems={trial.clearProblems}
          />
        ) : (
          <TextAreaField
            id={JSON_ID}
            label={p('sim.data')}
            description={s('sd.jsonHint')}
            error={jsonProblem ? s('sd.jsonInvalid', { message: jsonProblem }) : undefined}
            value={trial.json}
            onChange={trial.changeJson}
            rows={16}
          />
        )}
      </details>
    </>
  );
}
