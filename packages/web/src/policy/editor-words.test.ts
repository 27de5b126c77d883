import { SCALAR_FIELD_TYPES, TEMPLATE_VARIABLES, vocabularyParamSchemas } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { paragraphsOf } from '../../../api/src/messaging/messaging.format';
import { vocabularyWordOf } from './editor-messages';
import { SCALAR_TYPES } from './editor-question';
import { previousVersionOf } from './previous-version';
import {
  paragraphLines,
  templateVariableDescription,
  templateVariableOption,
} from './template-text';

const PREFIX = { guards: 'guard', actions: 'action', delays: 'delay' } as const;
const LOCALES = ['nl', 'en'] as const;

describe('every word of the engine’s vocabulary has a name in Dutch and English', () => {
  it('each guard, action and delay kind, and each of their parameters', () => {
    const missing: string[] = [];
    const vocabulary = vocabularyParamSchemas();
    for (const group of ['guards', 'actions', 'delays'] as const)
      for (const [name, schema] of Object.entries(vocabulary[group]))
        for (const locale of LOCALES) {
          const words = vocabularyWordOf(locale, PREFIX[group], name);
          if (!words || words === name) missing.push(`${PREFIX[group]}.${name} (${locale})`);
          for (const param of Object.keys(schema.properties ?? {})) {
            const label = vocabularyWordOf(locale, 'param', param);
            if (!label || label === param) missing.push(`param.${param} (${locale})`);
          }
        }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('the guard that waits for the day of the activity', () => {
    expect(vocabularyWordOf('nl', 'guard', 'activityDateReached')).toBe(
      'De dag van de activiteit is aangebroken',
    );
    expect(vocabularyWordOf('en', 'guard', 'activityDateReached')).toBe(
      'The day of the activity has come',
    );
  });
});

describe('every kind of answer the engine knows can be chosen in the editor', () => {
  it('each is offered, with a name in Dutch and English', () => {
    const kinds = SCALAR_FIELD_TYPES;
    expect([...SCALAR_TYPES].sort()).toEqual([...kinds].sort());
    const missing = [...kinds, 'list', 'attachments'].flatMap((kind) =>
      LOCALES.filter((l) => !vocabularyWordOf(l, 'ftype', kind)).map((l) => `${kind} (${l})`),
    );
    expect(missing).toEqual([]);
    expect(vocabularyWordOf('nl', 'ftype', 'confirm')).toBe('Verklaring om aan te vinken');
    expect(vocabularyWordOf('nl', 'ftype', 'yesno')).toBe('Ja/nee-vraag');
    expect(vocabularyWordOf('en', 'ftype', 'yesno')).toBe('Yes/no question');
  });
});

describe('the placeholders of letters and mails', () => {
  it('each has a short description in Dutch and English', () => {
    const missing = TEMPLATE_VARIABLES.flatMap((v) =>
      LOCALES.filter((l) => !templateVariableDescription(v, l)?.trim()).map((l) => `${v} (${l})`),
    );
    expect(missing).toEqual([]);
  });

  it('the picker shows the code with what it fills in', () => {
    expect(templateVariableOption('applicantName', 'nl')).toBe(
      '{{applicantName}} — naam van de aanvrager',
    );
    expect(templateVariableOption('periodDays', 'en')).toBe(
      '{{periodDays}} — number of days to supplement the application',
    );
  });
});

describe('the preview splits a text as the sent mail does', () => {
  const bodies = [
    'Met vriendelijke groet,\nGemeente Rotterdam\n\n€ 1.500,00',
    'Beste Sam,\r\n\r\nRegel een\r\nregel twee\r\n \r\nSlot',
    '\n\n  Eerste  \n\t\n\n\nTweede\nderde\n',
    'Eén alinea zonder witregel',
    '',
  ];
  it.each(bodies)('%j: the same paragraphs as the API’s paragraphsOf', (body) => {
    expect(paragraphLines(body).map((lines) => lines.join('\n'))).toEqual(paragraphsOf(body));
  });

  it('keeps a single line break inside its paragraph', () => {
    expect(paragraphLines('Met vriendelijke groet,\nGemeente Rotterdam\n\n€ 1.500,00')).toEqual([
      ['Met vriendelijke groet,', 'Gemeente Rotterdam'],
      ['€ 1.500,00'],
    ]);
  });
});

describe('the version a proposed version is compared with', () => {
  const list = [
    { key: 'a', version: 1, status: 'published' as const },
    { key: 'a', version: 2, status: 'retired' as const },
    { key: 'a', version: 3, status: 'draft' as const },
    { key: 'a', version: 4, status: 'draft' as const },
    { key: 'b', version: 3, status: 'published' as const },
  ];
  it('is the newest published or retired version below it, of the same workflow', () => {
    expect(previousVersionOf(list, 'a', 4)).toBe(2);
    expect(previousVersionOf(list, 'a', 2)).toBe(1);
    expect(previousVersionOf(list, 'a', 1)).toBeNull();
    expect(previousVersionOf(list, 'b', 4)).toBe(3);
  });
});
