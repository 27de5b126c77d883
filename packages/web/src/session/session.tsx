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

interface Session {
  /** undefined while loading, null when logged out. */
  me: Me | null | undefined;
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
function sessionFromPage(): Me | null | undefined {
  const text = document.getElementById('app-session')?.textContent;
  if (!text) return undefined;
  try {
    return (JSON.parse(text) as { user: Me | null }).user ?? null;
  } catch {
    return undefined;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(sessionFromPage);
  const [expired, setExpired] = useState(false);
  const loggedIn = useRef(!!me);

  const setMe = useCallback((m: Me | null) => {
    loggedIn.current = !!m;
    if (m) setExpired(false);
    setMeState(m);
  }, []);

  // Any API call answering 401 while we think we are logged in: the session is gone.
  useEffect(() => {
    onUnauthorized(() => {
      if (!loggedIn.current) return;
      loggedIn.current = false;
      setExpired(true);
      setMeState(null);
    });
    return () => onUnauthorized(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const m = await api.session();
      setMe(m);
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
      refresh,
      setMe,
      logout,
      hasRole: (...want) => want.some((r) => roles.includes(r)),
      isStaff: roles.some((r) => STAFF_ROLES.includes(r)),
      expired,
    };
  }, [me, refresh, setMe, logout, expired]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
