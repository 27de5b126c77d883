import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, api, type Me, onUnauthorized, type Role, STAFF_ROLES } from '../api/client';

/** Signed in through DigiD Machtigen: the resident this session acts for. */
export interface ActingFor {
  id: string;
  name: string;
}

interface Session {
  /** undefined while loading, null when logged out. */
  me: Me | null | undefined;
  /** The resident this session acts for (DigiD Machtigen), or null. */
  actingFor: ActingFor | null;
  refresh(): Promise<Me | null>;
  setMe(me: Me | null): void;
  logout(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
  isStaff: boolean;
  /** True after an API call answered 401 while logged in: the session ran out mid-visit. */
  expired: boolean;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The session the server wrote into the page (packages/api/src/http/app-page.ts), so that the
 * first render already knows who is logged in; undefined when the page has none (Vite's dev
 * server), and then the provider asks the API.
 */
function sessionFromPage(): { me: Me | null; actingFor: ActingFor | null } | undefined {
  const text = document.getElementById('app-session')?.textContent;
  if (!text) return undefined;
  try {
    const page = JSON.parse(text) as { user: Me | null; actingFor?: ActingFor | null };
    return { me: page.user ?? null, actingFor: page.actingFor ?? null };
  } catch {
    return undefined;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [fromPage] = useState(sessionFromPage);
  const [me, setMeState] = useState<Me | null | undefined>(fromPage?.me);
  const [actingFor, setActingFor] = useState<ActingFor | null>(fromPage?.actingFor ?? null);
  const [expired, setExpired] = useState(false);
  const loggedIn = useRef(!!me);

  const setMe = useCallback((m: Me | null) => {
    loggedIn.current = !!m;
    if (m) setExpired(false);
    else setActingFor(null);
    setMeState(m);
  }, []);

  // Any API call answering 401 while we think we are logged in: the session is gone.
  useEffect(() => {
    onUnauthorized(() => {
      if (!loggedIn.current) return;
      loggedIn.current = false;
      setExpired(true);
      setMeState(null);
      setActingFor(null);
    });
    return () => onUnauthorized(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const { me: m, actingFor: mandate } = await api.session();
      setMe(m);
      setActingFor(m ? mandate : null);
      return m;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 404)) {
        setMe(null);
        return null;
      }
      setMe(null);
      return null;
    }
  }, [setMe]);

  // Asked only when the page did not carry the session (read once, at the first render).
  const [pageHadSession] = useState(() => me !== undefined);
  useEffect(() => {
    if (!pageHadSession) void refresh();
  }, [refresh, pageHadSession]);

  const logout = useCallback(async () => {
    // The server ends the session before it answers: a read of the page that reaches it
    // meanwhile is refused (401), and that is this sign-out, not a session that ran out.
    loggedIn.current = false;
    try {
      await api.logout();
    } finally {
      setMe(null);
    }
  }, [setMe]);

  const value = useMemo<Session>(() => {
    const roles = me?.roles ?? [];
    return {
      me,
      actingFor,
      refresh,
      setMe,
      logout,
      hasRole: (...want) => want.some((r) => roles.includes(r)),
      isStaff: roles.some((r) => STAFF_ROLES.includes(r)),
      expired,
    };
  }, [me, actingFor, refresh, setMe, logout, expired]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
