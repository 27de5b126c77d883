import { formPages, validateDefinition, type WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import { shippedJson } from '../../../engine/src/test/fixtures';
import { pageHeadingIn, readsForOther } from './page-heading';

const shipped = (file: 'definition.v3.json' | 'definition.v4.json') =>
  validateDefinition(shippedJson('bewonersinitiatief', file)).definition as WorkflowDefinition;

describe('the heading over a page’s answers, for its reader', () => {
  const [initiative, budget] = formPages(shipped('definition.v4.json'));

  it('is the title for the applicant: the form speaks to her', () => {
    expect(pageHeadingIn(initiative!, false, 'nl')).toBe('Uw initiatief');
    expect(pageHeadingIn(initiative!, false, 'en')).toBe('Your initiative');
  });

  it('is the title for staff for anyone else, in Dutch and English', () => {
    expect(pageHeadingIn(initiative!, true, 'nl')).toBe('Het initiatief');
    expect(pageHeadingIn(initiative!, true, 'en')).toBe('The initiative');
  });

  it('is the title for everyone where the page has none for staff', () => {
    expect(pageHeadingIn(budget!, true, 'nl')).toBe('Begroting');
    // Version 3 is published and never changes: staff keep reading its title there.
    const [old] = formPages(shipped('definition.v3.json'));
    expect(pageHeadingIn(old!, true, 'nl')).toBe('Uw initiatief');
  });

  it('falls back to the title for a language the title for staff lacks (a draft)', () => {
    const page = { ...initiative!, staffTitle: { nl: 'Het initiatief', en: '' } };
    expect(pageHeadingIn(page, true, 'en')).toBe('Your initiative');
  });
});

describe('who reads an application about someone else', () => {
  const app = { applicantId: 'u-1', applicantName: 'Fatima el Amrani' };

  it('not the applicant herself, nor anyone before the session is known', () => {
    expect(readsForOther({ id: 'u-1' }, app)).toBe(false);
    expect(readsForOther(null, app)).toBe(false);
    expect(readsForOther(undefined, app)).toBe(false);
  });

  it('the desk or a helper acting for a named applicant', () => {
    expect(readsForOther({ id: 'u-clerk' }, app)).toBe(true);
    expect(readsForOther({ id: 'u-clerk' }, { ...app, applicantName: null })).toBe(false);
  });
});
