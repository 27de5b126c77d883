import { describe, expect, test } from 'vitest';
import { latePenalty, PENALTY_MAX_CENTS, penaltyCents } from './penalty';

// Awb 4:17: € 23 a day for 14 days, € 35 for 14, € 45 for 14; 42 days, € 1.442,00 at most.
describe('what the days of a late decision cost', () => {
  test('tier by tier, and never beyond 42 days', () => {
    expect(penaltyCents(0)).toBe(0);
    expect(penaltyCents(1)).toBe(2300);
    expect(penaltyCents(14)).toBe(14 * 2300);
    expect(penaltyCents(15)).toBe(14 * 2300 + 3500);
    expect(penaltyCents(29)).toBe(14 * 2300 + 14 * 3500 + 4500);
    expect(penaltyCents(42)).toBe(144_200);
    expect(penaltyCents(60)).toBe(144_200);
    expect(PENALTY_MAX_CENTS).toBe(144_200);
  });
});

describe('a notice of default', () => {
  // The term ended on Friday 29 January 2027; the notice came in on Monday 1 February.
  const base = { dueOn: '2027-01-29', noticeOn: '2027-02-01' };

  test('before the term has run out it does not count', () => {
    const p = latePenalty({
      ...base,
      noticeOn: '2027-01-29',
      decidedOn: null,
      today: '2027-03-01',
    });
    expect(p.kind).toBe('premature');
    expect(p.explanation.nl).toContain(
      'voordat de beslistermijn op 29 januari 2027 was verstreken',
    );
  });

  test('two weeks after it, the penalty starts; a decision on that day still costs nothing', () => {
    const waiting = latePenalty({ ...base, decidedOn: null, today: '2027-02-10' });
    expect(waiting).toMatchObject({ kind: 'running', firstDay: '2027-02-15', days: 0, cents: 0 });
    expect(waiting.explanation.nl).toBe(
      'Komt het besluit niet uiterlijk op 15 februari 2027, dan is vanaf die dag een dwangsom verschuldigd.',
    );
    expect(latePenalty({ ...base, decidedOn: '2027-02-15', today: '2027-02-20' })).toMatchObject({
      kind: 'ended',
      days: 0,
      cents: 0,
      settleBy: null,
    });
  });

  test('while no decision comes, each day counts, today included', () => {
    const p = latePenalty({ ...base, decidedOn: null, today: '2027-03-02' });
    // 15 February to 2 March: 16 days, 14 at € 23 and 2 at € 35.
    expect(p).toMatchObject({ kind: 'running', days: 16, cents: 14 * 2300 + 2 * 3500 });
    expect(p.explanation.nl).toBe(
      'Dwangsom verschuldigd sinds 15 februari 2027: nu 16 dagen, € 392,00. Dat loopt op tot het besluit er is, hoogstens 42 dagen.',
    );
  });

  test('the decision ends it, and the amount is set within two weeks (4:18)', () => {
    const p = latePenalty({ ...base, decidedOn: '2027-02-20', today: '2027-03-02' });
    // Owed for 15 to 19 February: 5 days.
    expect(p).toMatchObject({ kind: 'ended', days: 5, cents: 5 * 2300, lastDay: '2027-02-19' });
    expect(p).toMatchObject({ settleBy: '2027-03-05' });
    expect(p.explanation.en).toBe(
      'Penalty owed for 5 days: €115.00. Set it by decision no later than 5 March 2027 (article 4:18 Awb).',
    );
  });

  test('once the amount is set by decision, the page says so instead of asking for it', () => {
    const p = latePenalty({
      ...base,
      decidedOn: '2027-02-20',
      today: '2027-03-10',
      setOn: '2027-03-04',
    });
    expect(p).toMatchObject({ kind: 'ended', days: 5, setOn: '2027-03-04' });
    expect(p.explanation.nl).toBe(
      'Dwangsom van € 115,00 over 5 dagen, vastgesteld bij besluit op 4 maart 2027.',
    );
    if (p.kind === 'premature') throw new Error('not premature');
    expect(p.forApplicant.en).toBe(
      'We decided late. On 4 March 2027 we set the penalty we owe you: €115.00 for 5 days.',
    );
    // Nothing owed, nothing to set: a day given then is not kept.
    const none = latePenalty({
      ...base,
      decidedOn: '2027-02-12',
      today: '2027-03-10',
      setOn: '2027-03-04',
    });
    expect(none).toMatchObject({ days: 0, setOn: null });
  });

  test('after 42 days it stops at € 1.442,00, decision or not', () => {
    const p = latePenalty({ ...base, decidedOn: null, today: '2027-06-01' });
    expect(p).toMatchObject({ kind: 'ended', days: 42, cents: 144_200, lastDay: '2027-03-28' });
    if (p.kind === 'premature') throw new Error('not premature');
    expect(p.forApplicant.nl).toContain(
      'De dwangsom heeft het hoogste bedrag bereikt: € 1.442,00.',
    );
  });

  test('the applicant reads the same figures as what she is owed', () => {
    const words = (decidedOn: string | null, today: string) => {
      const p = latePenalty({ ...base, decidedOn, today });
      if (p.kind === 'premature') throw new Error('not premature');
      return p.forApplicant.nl;
    };
    expect(words(null, '2027-02-10')).toBe(
      'Wij hebben uw ingebrekestelling ontvangen. Hebben wij uiterlijk op 15 februari 2027 nog niet besloten, dan betalen wij u vanaf die dag een dwangsom voor elke dag dat het besluit uitblijft.',
    );
    expect(words(null, '2027-02-16')).toBe(
      'Wij hebben nog niet besloten. Sinds 15 februari 2027 bent u een dwangsom van ons tegoed: nu € 46,00 over 2 dagen. Het bedrag loopt op tot ons besluit er is, tot hoogstens € 1.442,00.',
    );
    expect(words('2027-02-20', '2027-03-02')).toBe(
      'Wij hebben te laat besloten. U krijgt van ons een dwangsom van € 115,00 over 5 dagen. Wij leggen dat bedrag uiterlijk op 5 maart 2027 vast in een besluit.',
    );
    expect(words('2027-02-12', '2027-03-02')).toContain('Er is daarom geen dwangsom verschuldigd.');
  });

  test('two weeks that end on a weekend or holiday end on the next working day', () => {
    // Notice on Saturday 17 April 2027: two weeks end on Saturday 1 May, so Monday 3 May.
    const p = latePenalty({
      dueOn: '2027-04-01',
      noticeOn: '2027-04-17',
      decidedOn: null,
      today: '2027-04-20',
    });
    expect(p).toMatchObject({ firstDay: '2027-05-03' });
  });
});
