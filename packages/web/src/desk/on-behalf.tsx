import type { Application, Me } from '../api/client';
import { useAreaText } from '../i18n/area-text';
import { lazyPage } from '../router/lazy-page';
import { useSession } from '../session/session';
import { shellTexts } from './shell-messages';

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

/**
 * The outcome sentence for someone who acts for the resident: never "Uw aanvraag is verstuurd"
 * to the clerk. Null when the person is the applicant (the definition's outcome applies). What
 * happened as the history names it ("Gelukt, namens Ayşe Yıldız-Çelik: Aanvraag verstuurd."),
 * or, for a version whose steps have no such name, the step by its name. Its texts are the
 * small shell table's, so the applicant's page does not load the desk's.
 */
export function useOnBehalfFlash() {
  const { t } = useAreaText(shellTexts);
  const { me } = useSession();
  return (step: { label: string; happened?: string }, app: Application): string | null => {
    if (!actsOnBehalf(me, app)) return null;
    const name = app.applicantName ?? '–';
    return step.happened
      ? t('onBehalf.happened', { event: step.happened, name })
      : t('onBehalf.done', { event: step.label, name });
  };
}
