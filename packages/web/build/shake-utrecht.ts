import type { Plugin } from 'vite';

const LIBRARY = /@utrecht\/component-library-react\/dist\/index\.mjs$/;
const DISPLAY_NAME = /^[A-Za-z_$][\w$]*\.displayName = '[^']*';$/gm;

/**
 * NL Design System's React library is one module in which every component is followed by
 * `Component.displayName = '…'`. Those assignments are side effects to a bundler, so every
 * component (190 kB) was kept whether a page used it or not. The names only serve React's
 * developer tools; without them the unused components are dropped.
 */
export function shakeUtrecht(): Plugin {
  return {
    name: 'initiatief:shake-utrecht',
    apply: 'build',
    transform(code, id) {
      if (!LIBRARY.test(id)) return null;
      return { code: code.replace(DISPLAY_NAME, ''), map: null };
    },
  };
}
