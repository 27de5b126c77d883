import type { Application, Me } from '../api/client';
import { lazyPage } from '../router/lazy-page';
import { useSession } from '../session/session';

/**
 * Whether the person looking at an application acts for its applicant (a clerk at the desk,
 * someone authorised): then the page says whose application it is. Kept apart from the banner
 * so a resident's page can ask without loading the desk's texts.
 */
export function actsOnBehalf(me: Me | null | undefined, app: Application): me is Me {
  return !!me && app.applicantId !== me.id;
}

const OnBehalfBanner = lazyPage(async () => ({
  default: (await import('./on-behalf-banner')).OnBehalfBanner,
}));

/**
 * "Namens <naam>" under a page's heading, for someone who acts for the applicant. Its code and
 * the desk's texts are loaded only then: the applicant's own pages paint without them (and for
 * the one who acts, the page shows once the banner can show with it, so nothing moves).
 */
export function OnBehalfNotice({ app }: { app: Application }) {
  const { me } = useSession();
  return actsOnBehalf(me, app) ? <OnBehalfBanner app={app} /> : null;
}
