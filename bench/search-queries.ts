/**
 * The benchmark's query set and its oracle. Queries take 1–3 words from a random note (words a person would
 * search for, not "the"), some as prefixes, some with a filter; each word query also gets a typo'd twin.
 * The oracle is exact: a note is relevant when every query word appears in it as a word (a prefix word as
 * the start of a word) and every filter holds.
 */
import type { SearchDoc } from '../lib/search/index';
import { tokenize } from '../lib/text/normalize';
import { seededRandom } from '../lib/testing/seeded-random';
import type { Rand } from './search-corpus';

export interface BenchQuery {
  text: string;
  kind: 'words' | 'prefix' | 'filter';
  words: string[];
  isLastPrefix: boolean;
  filter?: { field: 'tag' | 'kind' | 'site' | 'by'; value: string };
  /** The same query with one word mistyped (not for prefix queries). */
  typo?: string;
}

export class Oracle {
  private postings = new Map<string, number[]>();
  private sorted: string[];

  constructor(private docs: SearchDoc[]) {
    docs.forEach((d, i) => {
      for (const t of new Set(tokensOf(d))) {
        const list = this.postings.get(t);
        if (list) list.push(i);
        else this.postings.set(t, [i]);
      }
    });
    this.sorted = [...this.postings.keys()].sort();
  }

  has(word: string): boolean {
    return this.postings.has(word);
  }

  /** Indices of docs relevant to `q`. */
  relevant(q: BenchQuery): Set<number> {
    let acc: Set<number> | null = null;
    q.words.forEach((w, i) => {
      const docs = new Set<number>();
      const terms = i === q.words.length - 1 && q.isLastPrefix ? this.sorted.filter((t) => t.startsWith(w)) : [w];
      for (const t of terms) for (const d of this.postings.get(t) ?? []) docs.add(d);
      acc = acc ? new Set([...acc].filter((d) => docs.has(d))) : docs;
    });
    const f = q.filter;
    const all: Set<number> = acc ?? new Set(this.docs.map((_, i) => i));
    if (!f) return all;
    return new Set([...all].filter((i) => passes(this.docs[i]!, f)));
  }
}

function passes(d: SearchDoc, f: NonNullable<BenchQuery['filter']>): boolean {
  if (f.field === 'tag') return d.tags.includes(f.value);
  if (f.field === 'kind') return d.kind === f.value;
  if (f.field === 'site') return d.site === f.value || d.site.endsWith(`.${f.value}`);
  return tokenize(d.author ?? '').includes(f.value);
}

function tokensOf(d: SearchDoc): string[] {
  return tokenize([d.title, d.quote, d.takeaway, d.site, ...d.tags].join(' '));
}

export function makeQueries(
  docs: SearchDoc[],
  oracle: Oracle,
  common: Set<string>,
  count = 200,
  seed = 9,
): BenchQuery[] {
  const rand = seededRandom(seed);
  const out: BenchQuery[] = [];
  while (out.length < count) {
    const doc = docs[Math.floor(rand() * docs.length)]!;
    const pool = [...new Set(tokenize(`${doc.title} ${doc.quote} ${doc.takeaway}`))].filter(
      (t) => !common.has(t) && t.length > 1,
    );
    if (pool.length < 3) continue;
    const n = 1 + Math.floor(rand() * 3);
    const words = Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]!).filter(
      (w, i, a) => a.indexOf(w) === i,
    );
    const r = rand();
    if (r < 0.2) {
      const last = words[words.length - 1]!;
      if (last.length < 5) continue;
      words[words.length - 1] = last.slice(0, 3 + Math.floor(rand() * (last.length - 4)));
      out.push({ text: words.join(' '), kind: 'prefix', words, isLastPrefix: true });
      continue;
    }
    const q: BenchQuery = { text: words.join(' '), kind: 'words', words, isLastPrefix: false };
    if (r < 0.4) {
      const f = pickFilter(doc, rand);
      if (f) {
        q.kind = 'filter';
        q.filter = f;
        q.text += ` ${f.field}:${f.value}`;
      }
    }
    const typo = typoOf(words, oracle, rand);
    if (typo) q.typo = q.filter ? `${typo} ${q.filter.field}:${q.filter.value}` : typo;
    out.push(q);
  }
  return out;
}

function pickFilter(doc: SearchDoc, rand: Rand): BenchQuery['filter'] {
  const r = rand();
  if (r < 0.3 && doc.tags.length > 0) return { field: 'tag', value: doc.tags[0]! };
  if (r < 0.55) return { field: 'kind', value: doc.kind };
  if (r < 0.8) return { field: 'site', value: doc.site.replace(/^docs\./, '') };
  const by = tokenize(doc.author ?? '')[0];
  return by ? { field: 'by', value: by } : undefined;
}

/** One edit (swap, drop, double, or substitute a letter) in the longest word, giving a non-word. */
function typoOf(words: string[], oracle: Oracle, rand: Rand): string | undefined {
  const i = words.reduce((best, w, j) => (w.length > words[best]!.length ? j : best), 0);
  const w = words[i]!;
  if (w.length < 5 || /[^a-z]/.test(w)) return undefined;
  for (let attempt = 0; attempt < 10; attempt++) {
    const p = 1 + Math.floor(rand() * (w.length - 2));
    const op = Math.floor(rand() * 4);
    const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)]!;
    const t =
      op === 0
        ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
        : op === 1
          ? w.slice(0, p) + w.slice(p + 1)
          : op === 2
            ? w.slice(0, p) + w[p] + w.slice(p)
            : w.slice(0, p) + letter + w.slice(p + 1);
    if (t !== w && !oracle.has(t)) return words.map((x, j) => (j === i ? t : x)).join(' ');
  }
  return undefined;
}
