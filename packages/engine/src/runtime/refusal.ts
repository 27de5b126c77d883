/** Why XState took no transition for an event, as a refusal the shell can answer with. */
import type { ApplicationContext, Issue } from '../core/engine.types';
import { EngineError } from '../core/engine-error';
import type { TransitionConfig, WorkflowDefinition } from '../definition/definition.schema';
import { runGuard } from '../vocabulary/guards';
import type { MachineEvent } from '../vocabulary/vocabulary.context';
import { guardContext, guardRefs, mergesData } from './machine';
import { fourEyesText } from './refusal-text';

/**
 * XState took no transition for the event: say why, by the guards that refused (the last
 * candidate's, as XState tried them in order). Every guard of that candidate is asked, so a
 * person hears all that stands in the way at once (the form, the supporters, the activity date),
 * not one reason per attempt; one issue per field, the first guard's. Guards are pure functions of
 * (context, event), so asking the rest changes nothing.
 */
export function explainRefusal(
  def: WorkflowDefinition,
  candidates: TransitionConfig[],
  context: ApplicationContext,
  event: MachineEvent,
  from: string,
): EngineError {
  type Failure = { guard: string; issues: Issue[]; params?: Record<string, unknown> };
  let failure: Failure | undefined;
  for (const t of candidates) {
    const ctx = guardContext(mergesData(t), context, event);
    const failed: Failure[] = [];
    for (const ref of guardRefs(t)) {
      const result = runGuard(ref.type, ref.params, def, ctx, event);
      if (!result.ok) failed.push({ guard: ref.type, issues: result.issues, params: ref.params });
    }
    if (failed.length === 0) continue;
    // The four-eyes principle is a refusal of its own kind (403), whatever else fails.
    const fourEyes = failed.find((f) => f.guard === 'actorIsNot');
    const seen = new Set<string>();
    failure = fourEyes ?? {
      guard: failed[0]!.guard,
      issues: failed
        .flatMap((f) => f.issues)
        .filter((i) => !seen.has(i.path) && seen.add(i.path) !== undefined),
    };
  }
  if (!failure) {
    // Cannot happen while guards are pure functions of (context, event); kept as a clear refusal.
    return new EngineError('guard_failed', `${event.type} took no transition`);
  }
  if (failure.guard === 'actorIsNot') {
    const text = fourEyesText(def, event.type, String(failure.params?.event ?? ''), from);
    return new EngineError('four_eyes', text.en, {
      guard: failure.guard,
      issues: failure.issues,
      text,
    });
  }
  return new EngineError('guard_failed', `${event.type} refused by guard ${failure.guard}`, {
    guard: failure.guard,
    issues: failure.issues,
  });
}
