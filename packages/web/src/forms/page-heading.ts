import { type FormPage, pageHeading } from '@initiatief/engine';

type Locale = 'nl' | 'en';

/**
 * Whether whoever reads an application is someone other than its applicant: the clerk at the
 * desk or a helper acting for her (staff on the case page always are). Texts then speak of the
 * applicant, not to her: the rule application-body.tsx and the form use for their sentences.
 */
export function readsForOther(
  me: { id: string } | null | undefined,
  app: { applicantId: string; applicantName?: string | null },
): boolean {
  return Boolean(me && me.id !== app.applicantId && app.applicantName);
}

/**
 * The heading over a form page's answers in `locale`: its title for the applicant ("Uw
 * initiatief"), its title for staff ("Het initiatief") for anyone else, when it has one.
 */
export function pageHeadingIn(
  page: Pick<FormPage, 'title' | 'staffTitle'>,
  staff: boolean,
  locale: Locale,
): string {
  return pageHeading(page, staff ? 'staff' : 'applicant')[locale] || page.title[locale];
}
