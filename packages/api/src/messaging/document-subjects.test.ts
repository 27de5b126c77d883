/**
 * A letter's subject in the other language, for a page in that language: from the same template
 * of the letter's own workflow version, filled with the letter's stored values; never one that
 * would need a value formatted per language, and none for a letter of the shell's own.
 */
import type { WorkflowDefinition } from '@initiatief/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationIn,
  type Kit,
  readJson,
  setupKit,
  step,
} from '../applications/lifecycle.test-kit';
import { call } from '../test/test-app';
import { subjectsOf } from './document.subjects';

let kit: Kit;
beforeAll(async () => {
  kit = await setupKit();
});
afterAll(() => kit.close());

async function lettersOf(id: string) {
  const res = await call(kit.app, 'GET', `/api/applications/${id}/documents`, {
    cookie: kit.cookies.resident,
  });
  expect(res.status).toBe(200);
  return (await readJson(res)).items as {
    id: string;
    kind: string;
    language: string;
    subject: string;
    subjects: { nl?: string; en?: string };
  }[];
}

describe('a letter listed with its subject in both languages', () => {
  it('gives a Dutch letter the English subject of its template, with the letter’s own values', async () => {
    const app = await applicationIn(kit, 'submitted');
    const reference = app.reference as string;
    const [letter] = await lettersOf(app.id);
    expect(letter).toMatchObject({
      kind: 'acknowledgement',
      language: 'nl',
      subject: `Ontvangstbevestiging van uw aanvraag ${reference}`,
      subjects: {
        nl: `Ontvangstbevestiging van uw aanvraag ${reference}`,
        en: `Acknowledgement of receipt of your application ${reference}`,
      },
    });
    const one = await call(kit.app, 'GET', `/api/documents/${letter!.id}`, {
      cookie: kit.cookies.resident,
    });
    expect((await readJson(one)).subjects).toEqual(letter!.subjects);
    // Staff's outbox names the job that makes it with its subject, in the letter's language.
    const outbox = await call(kit.app, 'GET', '/api/outbox?kind=render', {
      cookie: kit.cookies.admin,
    });
    const job = (await readJson(outbox)).items.find(
      (i: { documentId: string }) => i.documentId === letter!.id,
    );
    expect(job).toMatchObject({ subject: letter!.subject, language: 'nl' });
  });

  it('fills the title as the letter was issued with it, in a decision’s subject', async () => {
    let app = await applicationIn(kit, 'assessed');
    app = await step(kit, 'approver', app.id, 'GRANT', {});
    const grant = (await lettersOf(app.id)).find((l) => l.kind === 'grant')!;
    const title = grant.subject.match(/^Besluit: subsidie verleend voor (.+) \(/)?.[1];
    expect(title).toBeTruthy();
    expect(grant.subjects.en).toBe(
      `Decision: grant awarded for ${title} (${app.reference as string})`,
    );
  });
});

describe('subjectsOf', () => {
  const definition = {
    templates: {
      letters: {
        grant: {
          nl: { subject: 'Besluit {{reference}} van {{today}}', body: '' },
          en: { subject: 'Decision {{reference}} of {{today}}', body: '' },
        },
        acknowledgement: { nl: { subject: 'Ontvangen {{reference}}', body: '' } },
      },
      mails: {
        advance_paid: {
          nl: { subject: 'Voorschot voor {{title}}', body: '' },
          en: { subject: 'Advance for {{title}}', body: '' },
        },
      },
    },
  } as unknown as WorkflowDefinition;
  const stored = { variables: { reference: 'BI-2026-000007', title: 'Buurtfeest', today: 'x' } };

  it('leaves out a subject with a value formatted per language (a date)', () => {
    const letter = { kind: 'grant', template_key: 'grant', language: 'nl' as const, subject: 'S' };
    expect(subjectsOf(definition, letter, stored)).toEqual({ nl: 'S' });
  });

  it('leaves out a language the template does not have', () => {
    const letter = {
      kind: 'acknowledgement',
      template_key: 'acknowledgement',
      language: 'nl' as const,
      subject: 'S',
    };
    expect(subjectsOf(definition, letter, stored)).toEqual({ nl: 'S' });
  });

  it('takes a notice on paper from the mail’s template, and an English letter gets its Dutch subject', () => {
    const letter = {
      kind: 'notice',
      template_key: 'advance_paid',
      language: 'en' as const,
      subject: 'Advance for Buurtfeest',
    };
    expect(subjectsOf(definition, letter, stored)).toEqual({
      en: 'Advance for Buurtfeest',
      nl: 'Voorschot voor Buurtfeest',
    });
  });

  it('gives a letter of the shell’s own only its own subject', () => {
    const letter = {
      kind: 'penalty',
      template_key: 'shell.penalty_decision',
      language: 'nl' as const,
      subject: 'Besluit: dwangsom',
    };
    expect(subjectsOf(definition, letter, stored)).toEqual({ nl: 'Besluit: dwangsom' });
    expect(subjectsOf(undefined, { ...letter, template_key: 'grant' }, stored)).toEqual({
      nl: 'Besluit: dwangsom',
    });
  });
});
