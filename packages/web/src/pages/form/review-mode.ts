import type { WorkflowDefinition } from '@initiatief/engine';
import type { Application } from '../../api/client';
import { closesApplication, eventLabel } from '../../forms/definition-text';
import { forwardEvent } from '../../forms/form-pages';

/**
 * What the form's last step does. `canSend`: its button sends the application on (the draft's
 * SUBMIT, as the definition names it). Otherwise `sendsWith` names the step on the application's
 * page that takes the changes along (information asked for), '' when none does now; null when
 * the form sends itself. A draft whose regulation closed keeps its answers but cannot be sent:
 * its notice says why. The desk can still send one that came in by the last day, with that day.
 */
export function reviewMode(
  def: WorkflowDefinition,
  app: Pick<Application, 'state' | 'allowedEvents' | 'applicationPeriodEnded'>,
  roles: readonly string[],
  locale: 'nl' | 'en',
  /** The desk filing it for a resident: it may still send one that came in on time. */
  desk = false,
): { canSend: boolean; sendsWith: string | null } {
  if (app.applicationPeriodEnded && !desk) return { canSend: false, sendsWith: '' };
  if (forwardEvent(def, app.state, roles) !== undefined) {
    return { canSend: true, sendsWith: null };
  }
  const along = app.allowedEvents
    .map((e) => e.type)
    .filter((type) => !closesApplication(def, app.state, type))
    .map((type) => eventLabel(def, type)[locale]);
  return { canSend: false, sendsWith: along[0] ?? '' };
}
