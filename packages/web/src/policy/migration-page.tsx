import {
  Button,
  ButtonGroup,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  ErrorAlert,
  PageHeading,
  SelectField,
  StatusMessage,
  useErrorText,
} from '../components/ui';
import { useLoad } from '../components/use-load';
import { AppLink, useRouter } from '../router/router';
import { type MigrationPlan, policyApi } from './policy-api';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';
import { PolicyNav } from './policy-nav';
import './policy.css';

/** /beleid/werkprocessen/:key/migratie — dry run as a table, then apply. */
export function MigrationPage({ workflowKey }: { workflowKey: string }) {
  const { p, pn, t } = usePolicyText();
  const errorText = useErrorText();
  const { location } = useRouter();
  const list = useLoad(() => policyApi.definitions(), []);
  const versions = (list.data ?? []).filter((d) => d.key === workflowKey);
  const published = versions.filter((d) => d.status === 'published');
  const [from, setFrom] = useState(location.search.get('van') ?? '');
  const [to, setTo] = useState('');
  const [stateMap, setStateMap] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [targetStates, setTargetStates] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const fromVersion = Number(from || versions.find((d) => d.activeApplications > 0)?.version || 0);
  const toVersion = Number(to || published.reduce((m, d) => Math.max(m, d.version), 0));

  const dryRun = async (map = stateMap) => {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const mapped = Object.fromEntries(Object.entries(map).filter(([, v]) => v));
      const result = await policyApi.dryRun(workflowKey, {
        fromVersion,
        toVersion,
        stateMap: mapped,
      });
      setPlan(result);
      const target = await policyApi.definition(workflowKey, toVersion);
      setTargetStates(Object.keys((target.definition.states as Record<string, unknown>) ?? {}));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    setError('');
    try {
      const result = await policyApi.migrate(workflowKey, {
        fromVersion: plan.fromVersion,
        toVersion: plan.toVersion,
        stateMap: plan.stateMap,
      });
      setNotice(pn('mig.done', result.summary.total, { version: result.toVersion }));
      setPlan(null);
      await list.reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const strandedStates = [
    ...new Set(
      (plan?.items ?? [])
        .filter((i) => i.outcome === 'stranded' || stateMap[i.fromState])
        .map((i) => i.fromState),
    ),
  ];
  const list2 = (xs: string[]) => (xs.length ? xs.join(', ') : '');

  return (
    <>
      <PageHeading>{p('mig.title')}</PageHeading>
      <PolicyNav />
      <Paragraph>{p('mig.intro')}</Paragraph>
      <ErrorAlert>{error}</ErrorAlert>
      <StatusMessage>{notice}</StatusMessage>
      {!list.data ? (
        <StatusMessage>{t('common.loading')}</StatusMessage>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void dryRun();
          }}
        >
          <div className="policy-grid">
            <SelectField
              id="mig-from"
              label={p('mig.from')}
              value={String(fromVersion)}
              onChange={(v) => {
                setFrom(v);
                setPlan(null);
              }}
              options={versions.map((d) => ({
                value: String(d.version),
                label: `${d.version} (${p(`common.status.${d.status}` as PolicyMessageKey)}, ${d.activeApplications})`,
              }))}
            />
            <SelectField
              id="mig-to"
              label={p('mig.to')}
              value={String(toVersion)}
              onChange={(v) => {
                setTo(v);
                setPlan(null);
              }}
              options={published.map((d) => ({
                value: String(d.version),
                label: String(d.version),
              }))}
            />
          </div>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              {p('mig.dryRun')}
            </Button>
          </ButtonGroup>
        </form>
      )}

      {plan && (
        <>
          {strandedStates.length > 0 && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void dryRun();
              }}
            >
              <div className="policy-grid">
                {strandedStates.map((s) => (
                  <SelectField
                    key={s}
                    id={`mig-map-${s}`}
                    label={p('mig.mapTo', { state: s })}
                    value={stateMap[s] ?? ''}
                    onChange={(v) => setStateMap({ ...stateMap, [s]: v })}
                    options={[
                      { value: '', label: p('mig.choose') },
                      ...targetStates.map((n) => ({ value: n, label: n })),
                    ]}
                  />
                ))}
              </div>
              <ButtonGroup>
                <Button type="submit" appearance="secondary-action-button" disabled={busy}>
                  {p('mig.dryRun')}
                </Button>
              </ButtonGroup>
            </form>
          )}
          {plan.items.length === 0 ? (
            <Paragraph>{p('mig.empty')}</Paragraph>
          ) : (
            <div className="app-table-scroll">
              <Table className="app-table">
                <TableCaption>
                  {p('mig.caption', { total: plan.summary.total, stranded: plan.summary.stranded })}
                </TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{p('mig.reference')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('mig.titleCol')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('mig.district')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('mig.fromState')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('mig.toState')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{p('mig.changes')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {plan.items.map((i) => {
                    const changes = [
                      i.events.added.length
                        ? p('mig.eventsAdded', { list: list2(i.events.added) })
                        : '',
                      i.events.removed.length
                        ? p('mig.eventsRemoved', { list: list2(i.events.removed) })
                        : '',
                      i.timers.cancelled.length
                        ? p('mig.timersCancelled', { list: list2(i.timers.cancelled) })
                        : '',
                      i.timers.ruleChanged.length
                        ? p('mig.timersRuleChanged', { list: list2(i.timers.ruleChanged) })
                        : '',
                      i.timers.notScheduled.length
                        ? p('mig.timersNotScheduled', { list: list2(i.timers.notScheduled) })
                        : '',
                    ].filter(Boolean);
                    return (
                      <TableRow
                        key={i.applicationId}
                        className={i.outcome === 'stranded' ? 'policy-row--stranded' : undefined}
                      >
                        <TableHeaderCell scope="row">
                          <AppLink href={`/beleid/aanvragen/${i.applicationId}`}>
                            {i.reference}
                          </AppLink>
                        </TableHeaderCell>
                        <TableCell>{i.title}</TableCell>
                        <TableCell>{i.district}</TableCell>
                        <TableCell>{i.fromState}</TableCell>
                        <TableCell>
                          <strong>{p(`mig.outcome.${i.outcome}` as PolicyMessageKey)}</strong>
                          {i.toState ? `: ${i.toState}` : ''}
                          {i.reason ? ` — ${i.reason}` : ''}
                        </TableCell>
                        <TableCell>
                          {changes.length ? changes.join('; ') : p('mig.nothing')}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          )}
          {plan.summary.stranded > 0 ? (
            <Paragraph>{p('mig.blocked')}</Paragraph>
          ) : (
            plan.items.length > 0 && (
              <ButtonGroup>
                <Button
                  appearance="primary-action-button"
                  onClick={() => void apply()}
                  disabled={busy}
                >
                  {pn('mig.apply', plan.summary.total)}
                </Button>
              </ButtonGroup>
            )
          )}
        </>
      )}
    </>
  );
}
