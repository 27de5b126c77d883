import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { resolveSession, SESSION_COOKIE } from '../auth/session.service';
import type { AppDeps, AppEnv } from '../context';
import { findUserById, publicUser } from '../users/users.repository';

/** The element the web app reads its first session from (packages/web/src/session). */
export const SESSION_ELEMENT_ID = 'app-session';

/**
 * The web app's HTML with the visitor's session written into it, as `GET /api/session` would
 * answer. The first render then knows who is logged in: no extra round trip before the page
 * can draw, and no menu that grows a second row when the answer arrives (a layout shift).
 * The JSON sits in a `type="application/json"` script, which browsers never execute, so the
 * Content-Security-Policy stays `script-src 'self'`; `<` is escaped so that no name can
 * close the element.
 */
export function appPage(deps: AppDeps, indexHtml: string) {
  let template: string | undefined;
  return async function page(c: Context<AppEnv>): Promise<Response> {
    template ??= readFileSync(indexHtml, 'utf8');
    let user = null;
    let actingFor = null;
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const resolved = await resolveSession(deps.db, deps.config, token, deps.clock());
      const row = resolved ? await findUserById(deps.db, resolved.user.id) : undefined;
      user = row ? publicUser(row) : null;
      actingFor = (row && resolved?.user.actingFor) || null;
    }
    const json = JSON.stringify({ user, actingFor })
      .replaceAll('<', '\\u003c')
      .replaceAll('\u2028', '\\u2028')
      .replaceAll('\u2029', '\\u2029');
    const script = `<script type="application/json" id="${SESSION_ELEMENT_ID}">${json}</script>`;
    // The page differs per visitor: never stored by a shared cache, checked on every visit.
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Cookie');
    return c.html(template.replace('</head>', `${script}</head>`));
  };
}
