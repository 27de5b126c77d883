import { type ComponentType, lazy, startTransition, useEffect, useReducer } from 'react';

/** The routes' re-render, called when a page's code (or a part of it) has arrived. */
const arrivals = new Set<() => void>();

/**
 * `React.lazy` for a page or a part of one, that shows as soon as its code is here. React holds
 * back content that resolves after a Suspense fallback until 300 ms after that fallback showed
 * (it throttles reveals, so a page does not pop in piece by piece); on the first visit the
 * fallback is the loading message shown with the shell, so the page's heading waited for the
 * clock, not for anything it needs. An ordinary update once the code is here is not throttled.
 */
// biome-ignore lint/suspicious/noExplicitAny: a component of any props, as React.lazy takes
export function lazyPage<C extends ComponentType<any>>(load: () => Promise<{ default: C }>) {
  return lazy(async () => {
    const module = await load();
    // After React's own callbacks on this promise, which mark the component loaded. The page is
    // rendered in a transition, in slices (see main.tsx).
    setTimeout(() => {
      startTransition(() => {
        for (const show of arrivals) show();
      });
    }, 0);
    return module;
  });
}

/**
 * Asks for code (`load`) once the page has painted what it shows now, which does not need it:
 * from the first frame after `ready` is true (a timer set in a frame's callback fires after that
 * frame is painted).
 */
export function useLoadAfterPaint(load: () => Promise<unknown>, ready = true): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is a module's constant
  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => void load(), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready]);
}

/** Re-renders the caller (the routes) whenever code from `lazyPage` has arrived. */
export function useLazyPageArrivals(): void {
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    arrivals.add(arrived);
    return () => {
      arrivals.delete(arrived);
    };
  }, []);
}
