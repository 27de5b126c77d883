/**
 * The words of the app's addresses in each language: one table with the API, which writes the
 * same addresses in mails and letters (@initiatief/engine, routes/route-words.ts).
 */
export {
  canonicalPath,
  localHref,
  localPath,
  ROUTE_WORDS,
  type RouteLocale,
  routeWord,
} from '@initiatief/engine';
