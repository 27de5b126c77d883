import type { MessageKey } from '../../i18n/messages';

export const STEPS = [
  'initiatief',
  'datum-en-plaats',
  'begroting',
  'steunbetuigingen',
  'bijlagen',
  'rekening',
  'controleren',
] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABEL: Record<Step, MessageKey> = {
  initiatief: 'wizard.step.initiative',
  'datum-en-plaats': 'wizard.step.datePlace',
  begroting: 'wizard.step.budget',
  steunbetuigingen: 'wizard.step.supporters',
  bijlagen: 'wizard.step.attachments',
  rekening: 'wizard.step.iban',
  controleren: 'wizard.step.review',
};

/** Which step holds a form field, by the first segment of its dotted name. */
export function stepOfField(name: string): Step {
  const first = name.replace(/^(data|payload)\./, '').split('.')[0] ?? '';
  switch (first) {
    case 'activityDate':
    case 'location':
      return 'datum-en-plaats';
    case 'budgetLines':
    case 'requestedCents':
    case 'amountCents':
      return 'begroting';
    case 'supporters':
      return 'steunbetuigingen';
    case 'attachments':
      return 'bijlagen';
    case 'iban':
    case 'accountHolder':
      return 'rekening';
    default:
      return 'initiatief';
  }
}

export function isStep(s: string | undefined): s is Step {
  return (STEPS as readonly string[]).includes(s ?? '');
}
