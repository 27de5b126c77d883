import { Link as UtrechtLink } from '@utrecht/component-library-react';
import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { LeaveDialog } from './leave-dialog';
import { canonicalPath, localHref, type RouteLocale } from './route-words';

/** A small History API router: the app has a dozen routes and needs nothing more. */
interface Location {
  /** The route table's path (its Dutch words, route-words.ts), whatever the address bar's language. */
  path: string;
  search: URLSearchParams;
  hash: string;
  /** Increments on every navigation, so pages can react to "the same URL again". */
  key: number;
  /** What the page that navigated here handed over (history.state), never shown in the URL. */
  state: unknown;
}

interface NavigateOptions {
  replace?: boolean;
  force?: boolean;
  /** Handed to the next page as `location.state` (an outcome to announce, say). */
  state?: unknown;
  /**
   * The `location.key` this navigation was decided at: it is dropped when another navigation
   * came first (a redirect decided in a render that a later navigation already left behind).
   */
  from?: number;
}

interface RouterValue {
  location: Location;
  /** `force` skips the leave guards: for a navigation the user asked for knowing what it drops. */
  navigate(to: string, opts?: NavigateOptions): void;
  /** Registers a question to ask before leaving the page; answers the function that removes it. */
  guard(message: string): () => void;
  /**
   * Runs `leave` at once when nothing on the page would be lost, else after the person said yes:
   * for an act that leaves the page by other means than a link (logging out).
   */
  whenAllowed(leave: () => void): void;
  /** The address of `to` in the interface's language, for a link's href (route-words.ts). */
  href(to: string): string;
}

const RouterContext = createContext<RouterValue | null>(null);

function read(key: number, patterns: readonly string[]): Location {
  return {
    path: canonicalPath(window.location.pathname, patterns),
    search: new URLSearchParams(window.location.search),
    hash: window.location.hash,
    key,
    state: window.history.state,
  };
}

export function RouterProvider({
  children,
  patterns = [],
  locale = 'nl',
}: {
  children: ReactNode;
  /** The app's routes (`/aanvragen/:id`): which parts of an address are words to translate. */
  patterns?: readonly string[];
  /** The interface's language: the language of the addresses the router writes. */
  locale?: RouteLocale;
}) {
  const [location, setLocation] = useState<Location>(() => read(0, patterns));
  const guards = useRef(new Set<{ message: string }>());
  // Where we are, to go back to when the user stays after pressing the browser's back button.
  const here = useRef(currentUrl());

  // The question on screen (LeaveDialog), and what to do with its answer.
  const [asking, setAsking] = useState<{ message: string; answer(leave: boolean): void } | null>(
    null,
  );

  /** Leaves at once when no guard is active; otherwise asks, and leaves only on yes. */
  const whenAllowed = useCallback((leave: () => void) => {
    const last = [...guards.current].at(-1);
    if (!last) {
      leave();
      return;
    }
    setAsking({
      message: last.message,
      answer: (yes) => {
        setAsking(null);
        if (yes) leave();
      },
    });
  }, []);

  const words = useRef({ patterns, locale });
  words.current = { patterns, locale };
  // The key of the newest navigation, set when it happens, before any render shows it.
  const latest = useRef(0);
  const moved = useCallback(() => {
    latest.current += 1;
    const key = latest.current;
    setLocation(() => read(key, words.current.patterns));
  }, []);
  const href = useCallback(
    (to: string) => localHref(to, words.current.patterns, words.current.locale),
    [],
  );

  const go = useCallback(
    (to: string, opts: NavigateOptions = {}) => {
      // Decided where the person no longer is: the page they went to since stays.
      if (opts.from !== undefined && opts.from !== latest.current) return;
      if (opts.replace) window.history.replaceState(opts.state ?? null, '', href(to));
      else window.history.pushState(opts.state ?? null, '', href(to));
      here.current = currentUrl();
      moved();
    },
    [href, moved],
  );

  // An address that came in the other language (a shared link, an old one, the browser's back
  // button after switching) or in the other language after switching: the address bar says it in
  // this one, in its place (no entry in the history, nothing to go back to). The page stays.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on every navigation and language
  useEffect(() => {
    const now = currentUrl();
    const local = href(now);
    if (local === now) return;
    window.history.replaceState(window.history.state, '', local);
    here.current = local;
  }, [location.key, locale, href]);

  useEffect(() => {
    const onPop = () => {
      if (guards.current.size === 0) {
        here.current = currentUrl();
        moved();
        return;
      }
      // The browser has moved already: go back to where we were, then ask.
      const target = currentUrl();
      window.history.pushState(null, '', here.current);
      whenAllowed(() => go(target));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [whenAllowed, go, moved]);

  const navigate = useCallback(
    (to: string, opts: NavigateOptions = {}) => {
      if (opts.force) go(to, opts);
      else whenAllowed(() => go(to, opts));
    },
    [whenAllowed, go],
  );

  const guard = useCallback((message: string) => {
    const entry = { message };
    guards.current.add(entry);
    return () => {
      guards.current.delete(entry);
    };
  }, []);

  // A new `href` for a new language, so links render their addresses in it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is read through words
  const localHrefOf = useCallback((to: string) => href(to), [href, locale]);
  const value = useMemo(
    () => ({ location, navigate, guard, whenAllowed, href: localHrefOf }),
    [location, navigate, guard, whenAllowed, localHrefOf],
  );
  return (
    <RouterContext.Provider value={value}>
      {children}
      {asking && <LeaveDialog message={asking.message} answer={asking.answer} />}
    </RouterContext.Provider>
  );
}

function currentUrl(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

/**
 * While `active`, leaving asks `message` first: in-app navigation through LeaveDialog, and closing
 * or reloading the tab through the browser's own beforeunload question (its words are the
 * browser's; no page can change them).
 */
export function useLeaveGuard(active: boolean, message: string): void {
  const { guard } = useRouter();
  useEffect(() => {
    if (!active) return;
    const remove = guard(message);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers need returnValue set to ask at all.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      remove();
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [active, message, guard]);
}

export function useRouter(): RouterValue {
  const ctx = useContext(RouterContext);
  if (!ctx) throw new Error('useRouter outside RouterProvider');
  return ctx;
}

/** Matches `/aanvragen/:id` style patterns; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const seg = s[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return params;
}

function isPlainLeftClick(e: MouseEvent<HTMLAnchorElement>): boolean {
  return e.button === 0 && !e.metaKey && !e.altKey && !e.ctrlKey && !e.shiftKey;
}

export type AppLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An NL Design System link that navigates inside the app without a page load. */
export function AppLink({ href, onClick, children, ...rest }: AppLinkProps) {
  const { navigate, href: addressOf } = useRouter();
  return (
    <UtrechtLink
      {...rest}
      href={addressOf(href)}
      onClick={(e) => {
        onClick?.(e);
        if (e.defaultPrevented || !isPlainLeftClick(e) || rest.target) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </UtrechtLink>
  );
}
