import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { fakeBrowser } from '../render-static.test-kit';
import { AttachmentList } from './attachments';

function emptyList(locale: 'nl' | 'en', stillOpen?: boolean): string {
  fakeBrowser(locale);
  return renderToStaticMarkup(
    createElement(I18nProvider, null, createElement(AttachmentList, { items: [], stillOpen })),
  ).replace(/<[^>]+>/g, '');
}

describe('an empty list of files', () => {
  test('says "not yet" only where files can still be added beside it', () => {
    expect(emptyList('nl', true)).toBe('Nog geen bijlagen.');
    expect(emptyList('en', true)).toBe('No attachments yet.');
  });

  test('a sent application or a case page says there are none', () => {
    expect(emptyList('nl')).toBe('Geen bijlagen.');
    expect(emptyList('en')).toBe('No attachments.');
  });
});
