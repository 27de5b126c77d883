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
