import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../session/session';
import type { DeskApplication } from './desk-api';
import { useDeskText } from './desk-messages';
import { actsOnBehalf } from './on-behalf';

/** Tells a clerk (or someone authorised) whose application this is: "namens <naam>". */
export function OnBehalfBanner({ app }: { app: DeskApplication }) {
  const { d } = useDeskText();
  const { me } = useSession();
  if (!actsOnBehalf(me, app) || !app.applicantName) return null;
  return (
    <Alert type="info" className="app-on-behalf">
      <Paragraph>
        {/* "Vult in" only while the form can still be filled in; after sending it would mislead. */}
        {d(app.editable ? 'onBehalf.banner' : 'onBehalf.bannerActs', { name: app.applicantName })}
      </Paragraph>
    </Alert>
  );
}

/**
 * The outcome sentence for someone who acts for the resident: never "Uw aanvraag is verstuurd"
 * to the clerk. Null when the person is the applicant (the definition's outcome applies). What
 * happened as the history names it ("Gelukt, namens Ayşe Yıldız-Çelik: Aanvraag verstuurd."),
 * or, for a version whose steps have no such name, the step by its name.
 */
export function useOnBehalfFlash() {
  const { d } = useDeskText();
  const { me } = useSession();
  return (step: { label: string; happened?: string }, app: DeskApplication): string | null => {
    if (!actsOnBehalf(me, app)) return null;
    const name = app.applicantName ?? '–';
    return step.happened
      ? d('onBehalf.happened', { event: step.happened, name })
      : d('onBehalf.done', { event: step.label, name });
  };
}
