/**
 * The staff screens' texts kept beside them (area tables) against the shared catalogue: both
 * languages have every text, no key is in two places (one would hide the other), and an area's
 * hook answers its own keys, the shared ones and plurals the way the shared i18n does.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { caseTexts, useCaseText } from '../pages/case-messages';
import { deskPageTexts } from '../pages/desk-page-messages';
import { mailTexts } from '../pages/mail-messages';
import { postTexts } from '../pages/print-queue-messages';
import { queueTexts } from '../pages/queue-messages';
import { fakeBrowser } from '../render-static.test-kit';
import type { AreaTable } from './area-text';
import { I18nProvider } from './i18n';
import { otherLanguageWords } from './label-words';
import { messages } from './messages';

const AREAS: Record<string, AreaTable<string>> = {
  mail: mailTexts,
  queue: queueTexts,
  case: caseTexts,
  post: postTexts,
  deskPage: deskPageTexts,
};

describe('the area tables', () => {
  test.each(Object.entries(AREAS))('%s has every text in Dutch and in English', (_, table) => {
    expect(Object.keys(table.en).sort()).toEqual(Object.keys(table.nl).sort());
    for (const [key, nl] of Object.entries(table.nl)) {
      expect(nl.trim(), `nl ${key}`).not.toBe('');
      expect(table.en[key]?.trim(), `en ${key}`).not.toBe('');
    }
  });

  test('no key is in two places', () => {
    const seen = new Map<string, string>(Object.keys(messages.nl).map((k) => [k, 'shared']));
    for (const [area, table] of Object.entries(AREAS)) {
      for (const key of Object.keys(table.nl)) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, area);
      }
    }
  });

  test("their labels are words of an address in the other language once they're loaded", () => {
    // post.withholdReason, a label of the withhold form, in either language.
    expect(otherLanguageWords('waarom-gaat-deze-brief-niet-mee')).toContain(
      'why-does-this-letter-not-go',
    );
  });
});

function Probe({ out }: { out: string[] }) {
  const { t, tn, tx } = useCaseText();
  out.push(
    t('case.title'),
    t('queue.claimed', { reference: 'BI-2026-0001' }),
    t('nav.queue'),
    tn('queue.daysLeft', 1),
    tn('queue.daysLeft', 1200),
    tn('entered.files', 2),
    tx('queue.sort.deadline', 'fallback'),
    tx('app.title', 'fallback'),
    tx('queue.sort.unknown', 'fallback'),
  );
  return null;
}

function render(locale: 'nl' | 'en'): string[] {
  fakeBrowser(locale);
  const out: string[] = [];
  renderToStaticMarkup(createElement(I18nProvider, null, createElement(Probe, { out })));
  return out;
}

describe("an area's hook", () => {
  test.each(['nl', 'en'] as const)(
    'answers its own keys, the shared ones and plurals (%s)',
    (locale) => {
      const fill = (text: string, vars: Record<string, string>) =>
        text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
      const shared = messages[locale] as Record<string, string>;
      const many = locale === 'nl' ? '1.200' : '1,200';
      expect(render(locale)).toEqual([
        caseTexts[locale]['case.title'],
        fill(queueTexts[locale]['queue.claimed'], { reference: 'BI-2026-0001' }),
        shared['nav.queue'],
        fill(queueTexts[locale]['queue.daysLeft.one'], { n: '1' }),
        fill(queueTexts[locale]['queue.daysLeft.other'], { n: many }),
        fill(shared['entered.files.other']!, { n: '2' }),
        queueTexts[locale]['queue.sort.deadline'],
        shared['app.title'],
        'fallback',
      ]);
    },
  );
});
