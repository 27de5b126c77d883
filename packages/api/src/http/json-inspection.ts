// Helpers of the input boundary that look at a JSON body as the client sent it: its bytes (is
// it UTF-8?) and its text (does an object name a member twice?). JSON.parse answers neither: it
// keeps the last of two equal names, and the decoder turns broken bytes into U+FFFD silently.

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

/** The body as text, and whether its bytes were valid UTF-8 (when not: U+FFFD in their place). */
export function decodeUtf8(bytes: ArrayBuffer): { text: string; valid: boolean } {
  try {
    return { text: STRICT_UTF8.decode(bytes), valid: true };
  } catch {
    return { text: LENIENT_UTF8.decode(bytes), valid: false };
  }
}

const MAX_DUPLICATES = 20;

/**
 * The dotted paths (`data.title`, `items.0.amount`) of members that an object of a valid JSON
 * text names more than once. Names are compared after unescaping (`"a"` and `"\u0061"` are one).
 */
export function duplicateKeys(text: string): string[] {
  type Frame =
    | { kind: 'object'; path: string; keys: Set<string>; key: string | null; expectKey: boolean }
    | { kind: 'array'; path: string; index: number };
  const stack: Frame[] = [];
  const found: string[] = [];
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    const step = top.kind === 'array' ? String(top.index) : (top.key ?? '');
    return top.path ? `${top.path}.${step}` : step;
  };
  let i = 0;
  while (i < text.length && found.length < MAX_DUPLICATES) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      let escaped = false;
      while (end < text.length && text[end] !== '"') {
        if (text[end] === '\\') {
          escaped = true;
          end++;
        }
        end++;
      }
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.keys.has(key)) found.push(top.path ? `${top.path}.${key}` : key);
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (ch === '{') {
      stack.push({
        kind: 'object',
        path: childPath(),
        keys: new Set(),
        key: null,
        expectKey: true,
      });
    } else if (ch === '[') {
      stack.push({ kind: 'array', path: childPath(), index: 0 });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index++;
      else if (top) top.expectKey = true;
    }
    i++;
  }
  return found;
}

/** How deep a JSON body may nest: the shipped definitions need 11 levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * Calls `visit` for every member name and string in a parsed JSON value, with dotted paths, and
 * `tooDeep` (once) with the path where it nests deeper than MAX_JSON_DEPTH; what lies below is
 * not visited. (Deeper values used to overflow the stack of a later JSON.stringify: a 500.)
 */
export function walkStrings(
  value: unknown,
  visit: (s: string, path: string, isName: boolean) => boolean,
  tooDeep: (path: string) => void,
): void {
  let deep = false;
  const walk = (v: unknown, path: string, depth: number): void => {
    if (deep) return;
    if (typeof v === 'string') {
      visit(v, path, false);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (depth >= MAX_JSON_DEPTH) {
      deep = true;
      tooDeep(path);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        walk(item, path ? `${path}.${i}` : String(i), depth + 1);
      });
      return;
    }
    for (const [k, item] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      // A refused name is reported once; what it holds is not looked at.
      if (visit(k, at, true)) walk(item, at, depth + 1);
    }
  };
  walk(value, '', 0);
}
