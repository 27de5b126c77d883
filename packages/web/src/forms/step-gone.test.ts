import type { WorkflowDefinition } from '@initiatief/engine';
import { describe, expect, it } from 'vitest';
import v13 from '../../../../workflows/bewonersinitiatief/definition.v13.json';
import type { Application, HistoryEntry } from '../api/client';
import { goneSentence } from './step-gone';

const def = v13 as unknown as WorkflowDefinition;
const app = { state: 'info_requested' } as Application;
const entry = (seq: number, event: string, name: string | null) =>
  ({ seq, event, actor: { id: String(seq), name, roles: [] } }) as unknown as HistoryEntry;

describe('the sentence when a step went with the reload', () => {
  it('names the step, who took which step meanwhile (the newest), and the state now', () => {
    const history = [entry(2, 'REQUEST_INFO', 'Bram Behandelaar'), entry(1, 'SUBMIT', 'Fatima')];
    expect(goneSentence(def, 'REQUEST_INFO', app, history)).toEqual({
      nl: 'U kunt ‘Om aanvulling vragen’ niet meer doen. Intussen heeft Bram Behandelaar ‘Om aanvulling gevraagd’ vastgelegd. De aanvraag is nu: Aanvulling gevraagd.',
      en: 'You can no longer do ‘Request information’. Meanwhile Bram Behandelaar recorded ‘More information requested’. The application is now: Information requested.',
    });
  });

  it('a step without a person (a timer), or no history at all, is still said in words', () => {
    const timer = goneSentence(def, 'REQUEST_INFO', app, [entry(3, 'REQUEST_INFO', null)]);
    expect(timer.nl).toContain('Intussen is ‘Om aanvulling gevraagd’ vastgelegd.');
    expect(timer.en).toContain('Meanwhile ‘More information requested’ was recorded.');
    const none = goneSentence(def, 'REQUEST_INFO', app, []);
    expect(none.nl).toBe(
      'U kunt ‘Om aanvulling vragen’ niet meer doen. De aanvraag is intussen gewijzigd. De aanvraag is nu: Aanvulling gevraagd.',
    );
    expect(none.en).toMatch(/^You can no longer do ‘Request information’\. The application was/);
  });
});
