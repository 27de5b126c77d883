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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const loggedIn = useRef(false);

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

  useEffect(() => {
    void refresh();
  }, [refresh]);

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
