import { describe, expect, it } from 'vitest';
import v12 from '../../../../workflows/bewonersinitiatief/definition.v12.json';
import { formatPostcodeTable, parsePostcodeTable } from './district-postcodes';

describe('the supporters’ postcodes per district as typed lines', () => {
  it('writes runs of following areas as a range, and reads them back', () => {
    const table = { Delfshaven: ['3023', '3021', '3022', '3029'], Noord: ['3038'] };
    const text = formatPostcodeTable(table);
    expect(text).toBe('Delfshaven: 3021-3023, 3029\nNoord: 3038');
    expect(parsePostcodeTable(text)).toEqual({
      table: { Delfshaven: ['3021', '3022', '3023', '3029'], Noord: ['3038'] },
      problems: [],
    });
  });

  it('reads the shipped table back to the same areas', () => {
    const guard = Object.values(v12.states)
      .flatMap((s) => Object.values((s as { on?: object }).on ?? {}))
      .flat()
      .flatMap((t) => [(t as { guard?: unknown }).guard ?? []].flat())
      .find((g) => (g as { type: string }).type === 'supportersAtLeast') as {
      params: { sameDistrict: { postcodes: Record<string, string[]> } };
    };
    const shipped = guard.params.sameDistrict.postcodes;
    const back = parsePostcodeTable(formatPostcodeTable(shipped)).table;
    expect(back).not.toBeNull();
    for (const [district, areas] of Object.entries(shipped))
      expect([...(back?.[district] ?? [])].sort()).toEqual([...areas].sort());
  });

  it('takes any dash, semicolons, blank lines and spaces', () => {
    expect(parsePostcodeTable('\n  Feijenoord :3071 – 3072 ;3075\n\n').table).toEqual({
      Feijenoord: ['3071', '3072', '3075'],
    });
  });

  it('says per line what keeps a table from being one', () => {
    const parsed = parsePostcodeTable(
      [
        'Centrum 3011',
        ': 3012',
        'Noord:',
        'Delfshaven: 30A1, 302',
        'Charlois: 3089-3081',
        'Kralingen: 3021',
      ].join('\n'),
    );
    expect(parsed.table).toBeNull();
    expect(parsed.problems).toEqual([
      { kind: 'noColon', line: 1 },
      { kind: 'noName', line: 2 },
      { kind: 'noPostcodes', line: 3, district: 'Noord' },
      { kind: 'notAnArea', line: 4, district: 'Delfshaven', item: '30A1' },
      { kind: 'notAnArea', line: 4, district: 'Delfshaven', item: '302' },
      { kind: 'backwards', line: 5, district: 'Charlois', item: '3089-3081' },
    ]);
  });

  it('refuses an area in two districts, as the engine does', () => {
    expect(parsePostcodeTable('Centrum: 3011-3012\nNoord: 3012').problems).toEqual([
      { kind: 'twice', line: 2, district: 'Noord', postcode: '3012', other: 'Centrum' },
    ]);
  });

  it('an empty box is an empty table: no district rule', () => {
    expect(parsePostcodeTable('  \n').table).toEqual({});
  });
});
