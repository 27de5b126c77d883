import { migrationTarget, stateLabel, type WorkflowDefinition } from '@initiatief/engine';
import {
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { ErrorAlert, PageHeading, SelectField, StatusMessage } from '../components/ui';
import { useLoad } from '../components/use-load';
import { useRouter } from '../router/router';
import { useMigrationText } from './migration-messages';
import { canMoveFrom } from './migration-sources';
import { MigrationTable } from './migration-table';
import { type MigrationPlan, policyApi } from './policy-api';
import { type PolicyMessageKey, usePolicyText } from './policy-messages';
import { PolicyNav } from './policy-nav';
import { migrationRefusal } from './refusal-said';
import { type Said, useSay } from './said';
import './policy.css';

/**
 * /beleid/werkprocessen/:key/migratie — move running applications to a newer version: a dry
 * run in words per application (states by label, deadlines, budget), a place for every state
 * of the same kind, and a choice of which applications to move.
 */
export function MigrationPage({ workflowKey }: { workflowKey: string }) {
  const { p, t, locale } = usePolicyText();
  const { m } = useMigrationText();
  // What the page said (done, refused), worded when drawn: it follows a switch of language.
  const say = useSay();
  const { location } = useRouter();
  const list = useLoad(() => policyApi.definitions(), []);
  const versions = (list.data ?? []).filter((d) => d.key === workflowKey);
  const published = versions.filter((d) => d.status === 'published').map((d) => d.version);
  // Only versions that have running applications and something newer to move to: a default
  // that works straight away (the same rule as the link on the definitions page).
  const fromOptions = versions
    .filter((d) => canMoveFrom(d, versions))
    .sort((a, b) => a.version - b.version);
  const asked = Number(location.search.get('van'));
  const [from, setFrom] = useState<number | null>(null);
  const fromVersion =
    from ?? fromOptions.find((d) => d.version === asked)?.version ?? fromOptions[0]?.version ?? 0;
  const toOptions = published.filter((v) => v > fromVersion).sort((a, b) => b - a);
  const [to, setTo] = useState<number | null>(null);
  const toVersion = to !== null && toOptions.includes(to) ? to : (toOptions[0] ?? 0);
  const [stateMap, setStateMap] = useState<Record<string, string>>({});
  const [applyNewRules, setApplyNewRules] = useState(false);
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<Said | null>(null);
  const [notice, setNotice] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);

  const defs = useLoad(async () => {
    if (!fromVersion || !toVersion) return null;
    const [a, b] = await Promise.all([
      policyApi.definition(workflowKey, fromVersion),
      policyApi.definition(workflowKey, toVersion),
    ]);
    return {
      from: a.definition as unknown as WorkflowDefinition,
      to: b.definition as unknown as WorkflowDefinition,
    };
  }, [workflowKey, fromVersion, toVersion]);

  const reset = () => {
    setPlan(null);
    setStateMap({});
  };

  const dryRun = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const mapped = Object.fromEntries(Object.entries(stateMap).filter(([, v]) => v));
      const result = await policyApi.dryRun(workflowKey, {
        fromVersion,
        toVersion,
        stateMap: mapped,
        applyNewRules,
      });
      setPlan(result);
      setChosen(
        new Set(result.items.filter((i) => i.outcome !== 'stranded').map((i) => i.applicationId)),
      );
    } catch (err) {
      setError(migrationRefusal(err, defs.data, stateMap));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const result = await policyApi.migrate(workflowKey, {
        fromVersion: plan.fromVersion,
        toVersion: plan.toVersion,
        stateMap: plan.stateMap,
        applyNewRules: plan.applyNewRules,
        applicationIds: [...chosen],
      });
      const n = result.summary.total;
      setNotice({
        policy: n === 1 ? 'mig.done.one' : 'mig.done.other',
        vars: { n, version: result.toVersion },
      });
      setPlan(null);
      await list.reload();
    } catch (err) {
      setError(migrationRefusal(err, defs.data, plan.stateMap ?? {}));
    } finally {
      setBusy(false);
    }
  };

  // Per state of the running applications: the states of the new version it may go to.
  const places = useMemo(() => {
    if (!plan || !defs.data) return [];
    const { from: oldDef, to: newDef } = defs.data;
    const states = [...new Set(plan.items.map((i) => i.fromState))];
    return states.map((s) => ({
      state: s,
      label: stateLabel(oldDef, s)[locale],
      keep: migrationTarget(oldDef, newDef, s, {}).ok,
      options: Object.keys(newDef.states)
        .filter((n) => migrationTarget(oldDef, newDef, s, { [s]: n }).ok)
        .map((n) => ({ value: n, label: stateLabel(newDef, n)[locale] })),
    }));
  }, [plan, defs.data, locale]);
  const chosenCount = plan ? plan.items.filter((i) => chosen.has(i.applicationId)).length : 0;

  return (
    <>
      <PageHeading>{p('mig.title')}</PageHeading>
      <PolicyNav />
      <Paragraph>{p('mig.intro')}</Paragraph>
      <ErrorAlert>{say(error)}</ErrorAlert>
      <StatusMessage>{say(notice)}</StatusMessage>
      {!list.data ? (
        <StatusMessage>{t('common.loading')}</StatusMessage>
      ) : fromOptions.length === 0 ? (
        <Paragraph>{m('mg.noneToMove')}</Paragraph>
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
                setFrom(Number(v));
                reset();
              }}
              options={fromOptions.map((d) => ({
                value: String(d.version),
                label: m('mg.fromOption', {
                  version: d.version,
                  status: p(`common.status.${d.status}` as PolicyMessageKey).toLowerCase(),
                  n: d.activeApplications,
                }),
              }))}
            />
            <SelectField
              id="mig-to"
              label={p('mig.to')}
              value={String(toVersion)}
              onChange={(v) => {
                setTo(Number(v));
                reset();
              }}
              options={toOptions.map((v) => ({
                value: String(v),
                label: m('mg.toOption', { version: v }),
              }))}
            />
          </div>
          <FormField type="checkbox" className="app-field">
            <Checkbox
              id="mig-apply-new-rules"
              appearance="html"
              className="policy-checkbox"
              checked={applyNewRules}
              aria-describedby="mig-apply-new-rules-help"
              onChange={(e) => {
                setApplyNewRules(e.target.checked);
                setPlan(null);
              }}
            />
            <FormLabel htmlFor="mig-apply-new-rules" type="checkbox">
              {m('mg.applyNewRules')}
            </FormLabel>
            <FormFieldDescription id="mig-apply-new-rules-help">
              {m('mg.applyNewRulesHelp')}
            </FormFieldDescription>
          </FormField>
          {plan && places.length > 0 && (
            <section aria-labelledby="mig-map-title">
              <Heading2 id="mig-map-title">{m('mg.mapTitle')}</Heading2>
              <Paragraph>{m('mg.mapIntro')}</Paragraph>
              <div className="policy-grid">
                {places.map((pl) =>
                  pl.options.length === 0 ? (
                    <Paragraph key={pl.state}>
                      {m('mg.mapTo', { state: pl.label })}:{' '}
                      {m('mg.noTarget', { version: toVersion })}
                    </Paragraph>
                  ) : (
                    <SelectField
                      key={pl.state}
                      id={`mig-map-${pl.state}`}
                      label={m('mg.mapTo', { state: pl.label })}
                      value={stateMap[pl.state] ?? ''}
                      onChange={(v) => setStateMap({ ...stateMap, [pl.state]: v })}
                      options={[
                        ...(pl.keep ? [{ value: '', label: m('mg.keep') }] : []),
                        ...(!pl.keep && !stateMap[pl.state]
                          ? [{ value: '', label: p('mig.choose') }]
                          : []),
                        ...pl.options,
                      ]}
                    />
                  ),
                )}
              </div>
            </section>
          )}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={busy}>
              {p('mig.dryRun')}
            </Button>
          </ButtonGroup>
        </form>
      )}

      {plan &&
        (plan.items.length === 0 ? (
          <Paragraph>{p('mig.empty')}</Paragraph>
        ) : (
          <>
            <MigrationTable plan={plan} chosen={chosen} onChoose={setChosen} />
            {plan.summary.stranded > 0 && <Paragraph>{p('mig.blocked')}</Paragraph>}
            {chosenCount === 0 ? (
              <Paragraph>{m('mg.noneChosen')}</Paragraph>
            ) : (
              <ButtonGroup>
                <Button
                  appearance="primary-action-button"
                  onClick={() => void apply()}
                  disabled={busy}
                >
                  {m(chosenCount === 1 ? 'mg.apply.one' : 'mg.apply.other', { n: chosenCount })}
                </Button>
              </ButtonGroup>
            )}
          </>
        ))}
    </>
  );
}
