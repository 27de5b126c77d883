import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { ApiError, api, type Me, type Role, STAFF_ROLES } from '../api/client';

interface Session {
  /** undefined while loading, null when logged out. */
  me: Me | null | undefined;
  refresh(): Promise<Me | null>;
  setMe(me: Me | null): void;
  logout(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
  isStaff: boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const m = await api.me();
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
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setMe(null);
    }
  }, []);

  const value = useMemo<Session>(() => {
    const roles = me?.roles ?? [];
    return {
      me,
      refresh,
      setMe,
      logout,
      hasRole: (...want) => want.some((r) => roles.includes(r)),
      isStaff: roles.some((r) => STAFF_ROLES.includes(r)),
    };
  }, [me, refresh, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
