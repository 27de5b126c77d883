import { Heading4, Link, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { focusField } from '../components/ui';
import { useSimulatorText } from './simulator-messages';
import type { StepIssues } from './simulator-model';

/** A step the engine refused: which step, its problems by field, and whether to take focus. */
export interface Refusal extends StepIssues {
  event: string;
  /** A new refusal moves focus here; one whose problems are with the application's data not. */
  focus: boolean;
  /** Counts refusals, so the same refusal twice still takes focus again. */
  n: number;
}

/**
 * The refusal of a step, near its form: an alert that names the step, links each problem to its
 * field (which says it too) and says the problems of no field of the step in words.
 */
export function StepRefusal({
  refusal,
  idPrefix,
  eventLabel,
}: {
  refusal: Refusal;
  idPrefix: string;
  eventLabel: string;
}) {
  const { s } = useSimulatorText();
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new refusal (n) takes focus once
  useEffect(() => {
    if (refusal.focus) ref.current?.focus();
  }, [refusal.n]);
  const titleId = `${idPrefix}-refusal`;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="app-error-summary policy-sim-refusal"
    >
      <Heading4 id={titleId} className="policy-h4">
        {s('sr.title', { event: eventLabel })}
      </Heading4>
      <UnorderedList>
        {Object.entries(refusal.fields).map(([key, text]) => (
          <UnorderedListItem key={key}>
            <Link
              href={`#${idPrefix}-${key}`}
              onClick={(ev) => {
                ev.preventDefault();
                focusField(`${idPrefix}-${key}`);
              }}
            >
              {text}
            </Link>
          </UnorderedListItem>
        ))}
        {refusal.other.map((text) => (
          <UnorderedListItem key={text}>{text}</UnorderedListItem>
        ))}
      </UnorderedList>
    </div>
  );
}
