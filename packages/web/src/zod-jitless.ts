import { config } from 'zod';

// The engine's schemas run in the browser too. Zod compiles fast parsers with
// `new Function` after probing whether eval is allowed; our Content-Security-Policy forbids
// it, and the probe alone logs a CSP violation on every page. Interpreted parsing is fast
// enough for a form. Imported first in main.tsx, before any schema is used.
config({ jitless: true });
