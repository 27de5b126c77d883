/**
 * A word-level diff of two texts (a letter, a mail, a description), so a reviewer sees what was
 * added and what was removed, also at the end of a long text, instead of two truncated openings.
 */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Words and the spaces between them, each a token: "Beste  {{name}},\n" → 4 tokens. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Above this many cells the texts are compared by line first (a letter of pages stays fast). */
const MAX_CELLS = 4_000_000;

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  // Common start and end first: most edits touch one place.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  if (x.length * y.length > MAX_CELLS) {
    push('removed', x.join(''));
    push('added', y.join(''));
  } else {
    // lengths[i][j]: longest common subsequence of x[i..] and y[j..].
    const w = y.length + 1;
    const lengths = new Uint32Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--)
      for (let j = y.length - 1; j >= 0; j--)
        lengths[i * w + j] =
          x[i] === y[j]
            ? lengths[(i + 1) * w + j + 1]! + 1
            : Math.max(lengths[(i + 1) * w + j]!, lengths[i * w + j + 1]!);
    let i = 0;
    let j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        push('same', x[i]!);
        i++;
        j++;
      } else if (lengths[(i + 1) * w + j]! >= lengths[i * w + j + 1]!) push('removed', x[i++]!);
      else push('added', y[j++]!);
    }
    push('removed', x.slice(i).join(''));
    push('added', y.slice(j).join(''));
  }
  push('same', a.slice(a.length - end).join(''));
  return tidy(parts);
}

/**
 * A changed part that is only spaces next to unchanged text reads as nothing; one between two
 * changes joins them ("removed: a b" rather than "a", " ", "b").
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  const push = (p: DiffPart) => {
    if (!p.text) return;
    const last = out.at(-1);
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  };
  for (const [i, p] of parts.entries()) {
    if (p.kind === 'same' || !/\S/.test(p.text)) {
      push(p);
      continue;
    }
    // Spaces and blank lines at the edges of a change belong to the text around it, so a
    // change reads as its words ("toegevoegd: Wij nemen …"), not as an empty line first.
    const before = parts[i - 1];
    const after = parts[i + 1];
    const lead = !before || before.kind === 'same' ? (/^\s*/.exec(p.text)?.[0] ?? '') : '';
    const trail = !after || after.kind === 'same' ? (/\s*$/.exec(p.text)?.[0] ?? '') : '';
    push({ kind: 'same', text: lead });
    push({ kind: p.kind, text: p.text.slice(lead.length, p.text.length - trail.length) });
    push({ kind: 'same', text: trail });
  }
  return out;
}

/** What changed between two texts, word by word, in order. */
export function diffWords(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  return lcsDiff(tokens(before), tokens(after));
}

/**
 * The diff with long unchanged stretches shortened to their words next to a change, so a
 * one-sentence change in a two-page letter shows that sentence with a few words around it.
 * A shortened stretch is `{ kind: 'same', text: '…' }` in between.
 */
export function shortenDiff(parts: DiffPart[], context = 8): DiffPart[] {
  return parts.map((p, i) => {
    if (p.kind !== 'same') return p;
    const words = tokens(p.text);
    const wordCount = words.filter((t) => /\S/.test(t)).length;
    if (wordCount <= context * 2 + 2) return p;
    const first = i === 0;
    const last = i === parts.length - 1;
    const keep = (from: 'start' | 'end') => {
      let n = 0;
      const out: string[] = [];
      const list = from === 'start' ? words : [...words].reverse();
      for (const t of list) {
        if (/\S/.test(t)) n++;
        if (n > context) break;
        out.push(t);
      }
      return (from === 'start' ? out : out.reverse()).join('');
    };
    const head = first ? '' : keep('start');
    const tail = last ? '' : keep('end');
    return { kind: 'same', text: `${head}${head ? ' ' : ''}…${tail ? ' ' : ''}${tail}` };
  });
}
