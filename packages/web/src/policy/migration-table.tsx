import {
  Checkbox,
  FormField,
  FormLabel,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { AppLink } from '../router/router';
import { useMigrationText } from './migration-messages';
import type { MigrationPlan } from './policy-api';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';

/**
 * The dry run, one row per application: state before and after by label, every deadline and
 * the budget in a sentence, and a checkbox to move it or leave it on its version.
 */
export function MigrationTable({
  plan,
  chosen,
  onChoose,
}: {
  plan: MigrationPlan;
  chosen: Set<string>;
  onChoose(next: Set<string>): void;
}) {
  const { p, locale } = usePolicyText();
  const { m } = useMigrationText();
  const movable = plan.items.filter((i) => i.outcome !== 'stranded').map((i) => i.applicationId);
  const allChosen = movable.length > 0 && movable.every((id) => chosen.has(id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChoose(next);
  };
  return (
    <div className="app-table-scroll">
      <Table className="app-table">
        <TableCaption>
          {p('mig.caption', { total: plan.summary.total, stranded: plan.summary.stranded })}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">
              <FormField type="checkbox" className="app-field">
                <Checkbox
                  id="mig-choose-all"
                  appearance="html"
                  className="policy-checkbox"
                  checked={allChosen}
                  onChange={(e) => onChoose(new Set(e.target.checked ? movable : []))}
                />
                <FormLabel htmlFor="mig-choose-all" type="checkbox">
                  <span className="policy-visually-hidden">{m('mg.chooseAll')}</span>
                  <span aria-hidden="true">{m('mg.choose')}</span>
                </FormLabel>
              </FormField>
            </TableHeaderCell>
            <TableHeaderCell scope="col">{p('mig.reference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{p('mig.titleCol')}</TableHeaderCell>
            <TableHeaderCell scope="col">{p('mig.fromState')}</TableHeaderCell>
            <TableHeaderCell scope="col">{p('mig.toState')}</TableHeaderCell>
            <TableHeaderCell scope="col">{m('mg.deadlines')}</TableHeaderCell>
            <TableHeaderCell scope="col">{m('mg.budget')}</TableHeaderCell>
            <TableHeaderCell scope="col">{m('mg.form')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {plan.items.map((i) => {
            const id = `mig-choose-${i.applicationId}`;
            const stranded = i.outcome === 'stranded';
            return (
              <TableRow
                key={i.applicationId}
                className={stranded ? 'policy-row--stranded' : undefined}
              >
                <TableCell>
                  <FormField type="checkbox" className="app-field">
                    <Checkbox
                      id={id}
                      appearance="html"
                      className="policy-checkbox"
                      disabled={stranded}
                      checked={!stranded && chosen.has(i.applicationId)}
                      onChange={(e) => toggle(i.applicationId, e.target.checked)}
                    />
                    <FormLabel htmlFor={id} type="checkbox">
                      <span className="policy-visually-hidden">
                        {m('mg.chooseOne', { reference: i.reference })}
                      </span>
                    </FormLabel>
                  </FormField>
                </TableCell>
                <TableHeaderCell scope="row">
                  <AppLink href={`/beleid/aanvragen/${i.applicationId}`}>{i.reference}</AppLink>
                </TableHeaderCell>
                <TableCell>
                  {i.title}
                  {i.district ? ` (${i.district})` : ''}
                </TableCell>
                <TableCell>{i.fromLabel[locale]}</TableCell>
                <TableCell>
                  <strong>{p(`mig.outcome.${i.outcome}` as PolicyMessageKey)}</strong>
                  {i.toLabel ? `: ${i.toLabel[locale]}` : ''}
                  {i.reason ? ` — ${i.reason[locale]}` : ''}
                </TableCell>
                <TableCell>
                  {i.deadlines.length === 0
                    ? m('mg.noDeadlines')
                    : i.deadlines.map((d) => <div key={d.delay}>{d.text[locale]}</div>)}
                </TableCell>
                <TableCell>{i.budget ? i.budget.text[locale] : '–'}</TableCell>
                <TableCell>
                  {i.outcome === 'stranded'
                    ? '–'
                    : i.droppedFields.length + i.missingAnswers.length === 0
                      ? m('mg.formSame')
                      : [
                          // A question can lose its answer and be required: two sentences.
                          ...i.droppedFields.map((d) => (
                            <div key={`dropped:${d.path}`}>{d.text[locale]}</div>
                          )),
                          ...i.missingAnswers.map((d) => (
                            <div key={`missing:${d.path}`}>{d.text[locale]}</div>
                          )),
                        ]}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
