import {
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Textbox,
} from '@utrecht/component-library-react';
import { type FocusEvent, useEffect, useRef, useState } from 'react';
import {
  DATE_PARTS,
  type DatePart,
  type DateParts,
  type DateRead,
  partsOf,
  readDateParts,
  splitWholeDate,
} from '../forms/date-parts';
import { useI18n } from '../i18n/i18n';
import { todayInAmsterdam } from './dates';
import type { FieldBase } from './ui';

export type DateProblem = Extract<DateRead, { ok: false }>;

export interface DateInputProps extends FieldBase {
  /** The calendar date (YYYY-MM-DD); null or undefined when none (readable) has been typed. */
  value: string | null | undefined;
  /**
   * The date the three boxes make, on every keystroke: null once all three are empty. Not called
   * while they make no date (31 February, a part missing): the value stays what it was, so a
   * slip of the keys never empties a saved date.
   */
  onChange(date: string | null): void;
  /**
   * Why the boxes make no date, in both languages; null as soon as they make one (or are all
   * empty). Said when the person leaves the three boxes or presses Enter in one, not while they
   * type: "2" on the way to "2027" is no year yet, and the form should not call it wrong.
   */
  onProblem(problem: DateProblem | null): void;
  /**
   * The day asked for lies in the past (the day a letter came in, a decision was set): the
   * example is a recent day, not one next year that the form would refuse.
   */
  past?: boolean;
}

const LABEL_KEY = { day: 'date.day', month: 'date.month', year: 'date.year' } as const;
// Written out whole: the build keeps only the CSS of class names it finds in the code.
const PART_CLASS = {
  day: 'app-date__part app-date__day',
  month: 'app-date__part app-date__month',
  year: 'app-date__part app-date__year',
} as const;

/**
 * A date as three boxes, day, month and year, under the field's label (a fieldset and its
 * legend). The first box carries the field's id, so the error summary links land on it. A
 * problem of its own (31 February, a year of two digits, a part left out) is said beside the
 * boxes and told to the form once the person leaves them; it goes as soon as it is mended.
 */
export function DateInput({
  id,
  label,
  description,
  error,
  required,
  value,
  onChange,
  onProblem,
  past,
}: DateInputProps) {
  const { locale, t } = useI18n();
  const [parts, setParts] = useState<DateParts>(() => partsOf(value));
  // The problem the form was told (and shown here), until it is mended.
  const [told, setTold] = useState<DateProblem | null>(null);
  const lastRead = useRef<string | null>(value ?? null);
  const box = useRef<HTMLDivElement>(null);

  // Follow the value when it changes from outside (a reload, a reset), not while typing.
  useEffect(() => {
    const current = value ?? null;
    if (current === lastRead.current) return;
    lastRead.current = current;
    setParts(partsOf(current));
    setTold(null);
  }, [value]);

  const shownError = told ? told.message[locale] : error;
  // The boxes to mark: those the problem is about, or all three for an error from elsewhere.
  const marked = new Set<DatePart>(told ? told.parts : error ? DATE_PARTS : []);
  const hintId = `${id}-hint`;
  const describedBy = [
    description ? `${id}-description` : null,
    hintId,
    shownError ? `${id}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const boxId = (part: DatePart) => (part === 'day' ? id : `${id}-${part}`);

  function change(part: DatePart, text: string) {
    // A whole date typed or pasted into the first box goes to its three boxes.
    const whole = part === 'day' ? splitWholeDate(text) : null;
    const next = whole ?? { ...parts, [part]: text };
    setParts(next);
    const r = readDateParts(next);
    if (!r.ok) return;
    if (told) tell(null);
    lastRead.current = r.date;
    onChange(r.date);
  }

  function tell(problem: DateProblem | null) {
    setTold(problem);
    onProblem(problem);
  }

  function check() {
    const r = readDateParts(parts);
    tell(r.ok ? null : r);
  }

  function leave(e: FocusEvent<HTMLInputElement>) {
    // Moving between the three boxes is not leaving the field.
    const to = e.relatedTarget;
    if (to instanceof Node && box.current?.contains(to)) return;
    check();
  }

  const example = past ? recentDay() : `15 6 ${Number(todayInAmsterdam().slice(0, 4)) + 1}`;
  return (
    <div className="app-field app-date" ref={box}>
      {/* The help, the example and the error describe the group (as GOV.UK's date input does):
          a screen reader says them once on entering it, not again at each box. */}
      <Fieldset invalid={!!shownError} aria-describedby={describedBy}>
        <FieldsetLegend className="app-date__legend">{label}</FieldsetLegend>
        {description && (
          <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
        )}
        <FormFieldDescription id={hintId}>{t('date.hint', { example })}</FormFieldDescription>
        {shownError && (
          <FormFieldErrorMessage id={`${id}-error`}>{shownError}</FormFieldErrorMessage>
        )}
        <div className="app-date__parts">
          {DATE_PARTS.map((part) => (
            <div key={part} className={PART_CLASS[part]}>
              <FormLabel htmlFor={boxId(part)}>{t(LABEL_KEY[part])}</FormLabel>
              <Textbox
                id={boxId(part)}
                name={boxId(part)}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                value={parts[part]}
                invalid={marked.has(part)}
                required={required}
                aria-required={required || undefined}
                aria-invalid={marked.has(part) || undefined}
                onChange={(e) => change(part, e.target.value)}
                onBlur={leave}
                // Enter sends the form: what the boxes hold is checked first.
                onKeyDown={(e) => e.key === 'Enter' && check()}
              />
            </div>
          ))}
        </div>
      </Fieldset>
    </div>
  );
}

/** A week ago, as the boxes take it ("28 11 2026"): an example of a day in the past. */
function recentDay(): string {
  const [y, m, d] = todayInAmsterdam(new Date(Date.now() - 7 * 86_400_000)).split('-');
  return `${Number(d)} ${Number(m)} ${y}`;
}
