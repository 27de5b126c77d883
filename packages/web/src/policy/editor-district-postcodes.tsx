import { useContext, useEffect, useState } from 'react';
import { TextAreaField } from '../components/ui';
import {
  formatPostcodeTable,
  type PostcodeTable,
  parsePostcodeTable,
  type TableProblem,
} from './district-postcodes';
import { obj } from './editor-kit';
import { useEditorText } from './editor-messages';
import { InvalidBoxesContext } from './editor-number';

const SHOWN_PROBLEMS = 5;

/** "14 wijken, 83 postcodegebieden": a table in words, for the rule's summary line. */
export function useDistrictSummary() {
  const { e } = useEditorText();
  return (value: unknown): string => {
    const table = obj(obj(value).postcodes) as PostcodeTable;
    const districts = Object.keys(table).length;
    const areas = Object.values(table).reduce((n, a) => n + (Array.isArray(a) ? a.length : 0), 0);
    return e('ref.sameDistrict', {
      summary: e('district.summary', { districts, areas }),
    });
  };
}

/**
 * The supporters' rule's postcodes per district, typed as lines ("Delfshaven: 3021-3029"). What
 * is typed stays as typed while it has problems (said per line, and blocking the check as any
 * invalid box does); a valid table is stored, an empty box removes the district rule. A choice
 * field the table is keyed by (`field`) is kept as it was.
 */
export function DistrictPostcodesField({
  id,
  path,
  where,
  label,
  value,
  set,
}: {
  id: string;
  path: string;
  where: string;
  label: string;
  value: unknown;
  set(v: unknown): void;
}) {
  const { e } = useEditorText();
  const { report } = useContext(InvalidBoxesContext);
  const current = obj(value);
  const stored = formatPostcodeTable(obj(current.postcodes) as PostcodeTable);
  const [typing, setTyping] = useState<{ text: string; over: string } | null>(null);
  const shown = typing && typing.over === stored ? typing.text : stored;
  const parsed = parsePostcodeTable(shown);
  const problems = parsed.problems.map((p) => problemText(e, p));
  const error =
    problems.length === 0
      ? ''
      : [
          ...problems.slice(0, SHOWN_PROBLEMS),
          ...(problems.length > SHOWN_PROBLEMS
            ? [e('district.problem.more', { count: problems.length - SHOWN_PROBLEMS })]
            : []),
        ].join(' ');
  const sentence = error ? `${where ? `${where} › ` : ''}${label}: ${error}` : null;
  useEffect(() => {
    report(path, sentence);
  }, [report, path, sentence]);
  useEffect(() => () => report(path, null), [report, path]);
  return (
    <TextAreaField
      id={id}
      label={label}
      description={e('district.help')}
      error={error || undefined}
      rows={8}
      value={shown}
      onChange={(text) => {
        setTyping({ text, over: stored });
        const next = parsePostcodeTable(text);
        if (!next.table) return;
        if (Object.keys(next.table).length === 0) set(undefined);
        else set({ ...current, postcodes: next.table });
      }}
    />
  );
}

function problemText(e: ReturnType<typeof useEditorText>['e'], p: TableProblem): string {
  switch (p.kind) {
    case 'noColon':
      return e('district.problem.noColon', { line: p.line });
    case 'noName':
      return e('district.problem.noName', { line: p.line });
    case 'noPostcodes':
      return e('district.problem.noPostcodes', { line: p.line, district: p.district });
    case 'notAnArea':
      return e('district.problem.notAnArea', { line: p.line, item: p.item });
    case 'backwards':
      return e('district.problem.backwards', { line: p.line, item: p.item });
    case 'twice':
      return e('district.problem.twice', { line: p.line, postcode: p.postcode, other: p.other });
  }
}
