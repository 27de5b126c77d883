import { expect, test } from 'vitest';
import * as engine from './index';

test('exports every name of the contract', () => {
  for (const name of [
    'workflowDefinitionSchema',
    'workflowDefinitionJsonSchema',
    'validateDefinition',
    'createApplication',
    'step',
    'allowedEvents',
    'applicationView',
    'EngineError',
    'toAmsterdamDate',
    'dutchHolidays',
    'isWorkingDay',
    'objectionDeadline',
    'renderTemplate',
    'TEMPLATE_VARIABLES',
    'validateFormData',
    'updateApplicationData',
  ]) {
    expect(engine, name).toHaveProperty(name);
  }
  expect(engine.ENGINE_VERSION).toBe(1);
});
