import type { Application, Me } from '../api/client';

/**
 * Whether the person looking at an application acts for its applicant (a clerk at the desk,
 * someone authorised): then the page says whose application it is. Kept apart from the banner
 * so a resident's page can ask without loading the desk's texts.
 */
export function actsOnBehalf(me: Me | null | undefined, app: Application): me is Me {
  return !!me && app.applicantId !== me.id;
}
