import type { LocalizedText } from '../core/engine.types';
import { formatDate } from '../legal-clock/calendar';

/** Something a resident and the staff should know about an application, with its meaning. */
export interface ApplicationWarning {
  key: 'decision_after_activity';
  /** What it means, said to the resident. */
  text: LocalizedText;
  /**
   * The same for whoever reads it about someone else (the assessor, the approver, the clerk at
   * the desk acting for her): "the applicant's activity", not "your activity".
   */
  staffText: LocalizedText;
}

/**
 * The last day for the decision (Awb 4:13) falls after the activity: the municipality may still
 * decide in time, but need not, so the resident should know what that means for them, and staff
 * that the applicant may carry costs before the decision.
 */
export function decisionAfterActivity(
  decisionDueOn: string,
  activityOn: string,
): ApplicationWarning {
  const due = (l: 'nl' | 'en') => formatDate(decisionDueOn, l);
  const activity = (l: 'nl' | 'en') => formatDate(activityOn, l);
  return {
    key: 'decision_after_activity',
    text: {
      nl:
        `De gemeente heeft tot ${due('nl')} om te beslissen, en dat is na uw activiteit op ` +
        `${activity('nl')}. Misschien hoort u dus pas na de activiteit of u subsidie krijgt. ` +
        'Kosten die u maakt voordat u het besluit heeft, zijn voor uw eigen risico. ' +
        'Heeft u het besluit eerder nodig? Neem dan contact op met de gemeente.',
      en:
        `The municipality has until ${due('en')} to decide, which is after your activity on ` +
        `${activity('en')}. So you may only hear after the activity whether you get the grant. ` +
        'Costs you make before you have the decision are at your own risk. ' +
        'Do you need the decision sooner? Please contact the municipality.',
    },
    staffText: {
      nl:
        `De gemeente heeft tot ${due('nl')} om te beslissen, en dat is na de activiteit van de ` +
        `aanvrager op ${activity('nl')}. De aanvrager hoort dus misschien pas na de activiteit ` +
        'of de subsidie wordt verleend. Kosten die de aanvrager maakt voordat het besluit er is, ' +
        'zijn voor eigen risico van de aanvrager.',
      en:
        `The municipality has until ${due('en')} to decide, which is after the applicant's ` +
        `activity on ${activity('en')}. So the applicant may only hear after the activity ` +
        'whether the grant is awarded. Costs the applicant makes before the decision are at ' +
        "the applicant's own risk.",
    },
  };
}
