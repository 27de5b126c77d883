import { describe, expect, test } from 'vitest';
import { createApplication, step } from '../runtime/runtime';
import {
  applicant,
  approver,
  assessor,
  completeData,
  facts,
  loadShippedDefinition,
  T0,
} from '../test/fixtures';
import { defangLinks, templateVariables } from './template-variables';
import { renderTemplate, TEMPLATE_VARIABLES } from './templates';

const def = loadShippedDefinition();

test('a grant letter renders completely in both languages', () => {
  let r = createApplication(def, { now: T0, actor: applicant, facts, data: completeData() });
  r = step(def, r.snapshot, { type: 'SUBMIT' }, { now: T0, actor: applicant, facts });
  r = step(
    def,
    r.snapshot,
    {
      type: 'ASSESS',
      payload: { recommendation: 'grant', motivation: 'Past in het wijkakkoord.' },
    },
    { now: T0, actor: assessor, facts },
  );
  const sent = new Date('2026-03-31T10:00:00Z');
  r = step(def, r.snapshot, { type: 'GRANT', payload: {} }, { now: sent, actor: approver, facts });
  const shell = {
    now: sent,
    reference: 'BI-2026-000123',
    applicantName: 'Fatima el Amrani',
    applicationUrl: 'https://example.org/a/1',
    facts,
  };
  const nl = templateVariables(def, r.snapshot, { ...shell, locale: 'nl' });
  expect(Object.keys(nl).sort()).toEqual([...TEMPLATE_VARIABLES].sort());
  expect(nl).toMatchObject({
    grantedAmount: '€ 1.250,00',
    requestedAmount: '€ 1.250,00',
    objectionDeadline: '12 mei 2026',
    activityDate: '13 juni 2026',
    today: '31 maart 2026',
    motivation: 'Past in het wijkakkoord.',
  });
  const letter = def.templates.letters.grant!;
  const body = renderTemplate(letter.nl.body, nl);
  expect(body).not.toContain('{{');
  expect(body).toContain('uiterlijk op 12 mei 2026');
  const en = templateVariables(def, r.snapshot, { ...shell, locale: 'en' });
  expect(renderTemplate(letter.en.body, en)).toContain('no later than 12 May 2026');
  expect(en.grantedAmount).toBe('€1,250.00');
});

describe('user text never becomes a link (issue 19, finding 6)', () => {
  test('addresses in user text are written so that no client links them', () => {
    expect(
      defangLinks('Feest, zie https://evil.example/x en www.evil.example of evil.example/y'),
    ).toBe('Feest, zie https[:]//evil[.]example/x en www[.]evil[.]example of evil[.]example/y');
    expect(defangLinks('Straatfeest 2026, 14.00 uur')).toBe('Straatfeest 2026, 14.00 uur');
  });
});

test("{{district}} is the regulation's district; the form's own answer only without one", () => {
  const data = completeData({ district: 'Hoogvliet' });
  const r = createApplication(def, { now: T0, actor: applicant, facts, data });
  const shell = {
    now: T0,
    locale: 'nl' as const,
    reference: 'BI-2026-000124',
    applicantName: 'Ayşe Yıldız-Çelik',
    applicationUrl: 'https://example.org/a/2',
  };
  const charlois = { ...facts, regulation: { ...facts.regulation, district: 'Charlois' } };
  expect(templateVariables(def, r.snapshot, { ...shell, facts: charlois }).district).toBe(
    'Charlois',
  );
  expect(templateVariables(def, r.snapshot, { ...shell, facts }).district).toBe('Hoogvliet');
});
