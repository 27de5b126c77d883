import { readFileSync } from 'node:fs';
import { validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { fakeBrowser } from '../render-static.test-kit';
import { FormDataView } from './form-data-view';

const SHIPPED = new URL(
  '../../../../workflows/bewonersinitiatief/definition.v5.json',
  import.meta.url,
);

/** The shipped form, with a question a policy officer added to each budget line after its amount. */
function definition(extraAfterAmount: boolean): WorkflowDefinition {
  const json = JSON.parse(readFileSync(SHIPPED, 'utf8'));
  const budget = json.form.fields.find((f: { key: string }) => f.key === 'budgetLines');
  if (extraAfterAmount) {
    budget.fields.push({
      key: 'kind',
      type: 'text',
      label: { nl: 'Soort uitgave', en: 'Kind of expense' },
    });
  }
  const result = validateDefinition(json);
  if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const data = {
  title: 'Straatfeest Mathenesserlaan',
  budgetLines: [
    { description: 'Huur podium', amountCents: 45_000, kind: 'Huur' },
    { description: 'Eten', amountCents: 30_000, kind: 'Inkoop' },
  ],
};

/** The budget table's total row, as HTML. */
function totalRow(def: WorkflowDefinition): string {
  fakeBrowser('nl');
  const html = renderToStaticMarkup(
    createElement(I18nProvider, null, createElement(FormDataView, { definition: def, data })),
  );
  const rows = html.match(/<tr[^>]*>.*?<\/tr>/g) ?? [];
  const total = rows.find((r) => r.includes('Totaal'));
  if (!total) throw new Error('no total row');
  return total;
}

/** The row's cells, each as `th`/`td` with its column span and text. */
const cells = (row: string) =>
  [...row.matchAll(/<(th|td)([^>]*)>(.*?)<\/\1>/g)].map(([, tag, attrs, text]) => ({
    tag,
    span: Number(/colSpan="(\d+)"/i.exec(attrs ?? '')?.[1] ?? 1),
    text: (text ?? '').replace(/<[^>]+>/g, ''),
  }));

describe("a list's total", () => {
  test('stands under the amounts when the amount is the last column', () => {
    expect(cells(totalRow(definition(false)))).toEqual([
      { tag: 'th', span: 1, text: 'Totaal' },
      { tag: 'td', span: 1, text: '€\u00a0750,00' },
    ]);
  });

  test('stands under the amounts when a question follows the amount', () => {
    expect(cells(totalRow(definition(true)))).toEqual([
      { tag: 'th', span: 1, text: 'Totaal' },
      { tag: 'td', span: 1, text: '€\u00a0750,00' },
      { tag: 'td', span: 1, text: '' },
    ]);
  });
});

describe('a page whose questions all depend on an earlier answer', () => {
  /** The shipped form with a page asked only after Ja to a question on the first page. */
  function withConditionalPage(): WorkflowDefinition {
    const json = JSON.parse(readFileSync(SHIPPED, 'utf8'));
    json.form.fields.push(
      { key: 'hadSubsidy', type: 'yesno', label: { nl: 'Eerder subsidie?', en: 'Before?' } },
      {
        key: 'subsidyYear',
        type: 'text',
        label: { nl: 'In welk jaar?', en: 'In which year?' },
        showWhen: { field: 'hadSubsidy', in: [true] },
      },
    );
    json.form.pages[0].fields.push('hadSubsidy');
    json.form.pages.splice(1, 0, {
      key: 'earlier',
      title: { nl: 'Eerdere subsidie', en: 'Earlier subsidy' },
      fields: ['subsidyYear'],
    });
    const result = validateDefinition(json);
    if (!result.ok || !result.definition) throw new Error(JSON.stringify(result.problems));
    return result.definition;
  }
  const html = (answers: Record<string, unknown>) => {
    fakeBrowser('nl');
    return renderToStaticMarkup(
      createElement(
        I18nProvider,
        null,
        createElement(FormDataView, {
          definition: withConditionalPage(),
          data: { ...data, ...answers },
        }),
      ),
    );
  };

  test('is left out, heading and all, while none applies; shown once one does', () => {
    expect(html({ hadSubsidy: false })).not.toContain('Eerdere subsidie');
    expect(html({})).not.toContain('Eerdere subsidie');
    const yes = html({ hadSubsidy: true, subsidyYear: '2025' });
    expect(yes).toContain('Eerdere subsidie</h3>');
    expect(yes).toContain('2025');
    // The other pages keep their headings.
    expect(html({ hadSubsidy: false })).toContain('Begroting</h3>');
  });
});
