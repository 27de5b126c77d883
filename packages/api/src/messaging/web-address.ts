import { type RouteLocale, routeAddress } from '@initiatief/engine';

/**
 * The full address of a page of the web app that a mail or letter links to, in the reader's
 * language: webAddress(publicUrl, '/aanvragen/:id', 'en', { id }) is <publicUrl>/applications/<id>.
 * The pattern is the web's route table's (Dutch); its words come from the table the web's router
 * reads too (@initiatief/engine, routes/route-words.ts), and the router opens either language.
 */
export function webAddress(
  publicUrl: string,
  pattern: string,
  language: RouteLocale,
  params: Readonly<Record<string, string>> = {},
): string {
  return `${publicUrl.replace(/\/+$/, '')}${routeAddress(pattern, params, language)}`;
}
