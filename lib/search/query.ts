import { normalizeText, tokenizeNormalized } from '../text/normalize';

export { QUERY_HELP } from './query-help';

/** Filters that are looked up as index terms (`tag:react` -> term `\u0001tag:react`). */
export const TERM_FILTERS = ['tag', 'kind', 'by', 'site', 'in'] as const;
export type TermFilter = (typeof TERM_FILTERS)[number];

export interface QueryWord {
  text: string;
  /** The word being typed: matched as a prefix too. */
  isPrefix: boolean;
}

export interface ParsedQuery {
  words: QueryWord[];
  phrases: string[][];
  /** Each inner list is one filter; all its terms must match (`by:"sarah chen"` -> two terms). */
  filters: { field: TermFilter; terms: string[]; isPrefix: boolean }[];
  excludeWords: string[];
  excludeFilters: { field: TermFilter; terms: string[] }[];
  isUnanswered: boolean;
  /** createdAt >= after and < before (epoch ms). */
  after?: number;
  before?: number;
  /** Operators that could not be understood; they are ignored, the rest of the query still runs. */
  errors: string[];
}

const ITEM = /(-?)(?:([a-z]+):)?(?:"([^"]*)"?|(\S+))/giu;

/**
 * Parses the query language of QUERY_HELP. Never throws: an operator it cannot read becomes an entry in
 * `errors` and is otherwise ignored, so a half-typed query still searches. `now` anchors relative dates.
 */
export function parseQuery(input: string, now = Date.now()): ParsedQuery {
  const q: ParsedQuery = {
    words: [],
    phrases: [],
    filters: [],
    excludeWords: [],
    excludeFilters: [],
    isUnanswered: false,
    errors: [],
  };
  const text = input.slice(0, 500);
  const isTyping = text.length > 0 && !/\s$/u.test(text);
  const items = [...text.matchAll(ITEM)].slice(0, 32);
  items.forEach((m, i) => {
    const isLast = i === items.length - 1 && isTyping && m[3] === undefined;
    const isNegated = m[1] === '-';
    const key = m[2]?.toLowerCase();
    const value = m[3] ?? m[4] ?? '';
    if (key === undefined || !isKnownKey(key)) {
      const raw = key === undefined ? value : `${m[2]}:${value}`;
      addText(q, raw, m[3] !== undefined, isNegated, isLast);
      return;
    }
    if (key === 'is') {
      if (normalizeText(value) === 'unanswered' && !isNegated) q.isUnanswered = true;
      else q.errors.push(`Unknown is:${value} (try is:unanswered)`);
      return;
    }
    if (key === 'before' || key === 'after') {
      const t = parseDate(value, now);
      if (t === undefined) q.errors.push(`Cannot read the date in ${key}:${value} (try 2024-05-01 or 30d)`);
      else q[key] = t;
      return;
    }
    const terms = filterTerms(key as TermFilter, value);
    if (terms.length === 0) {
      if (!isLast) q.errors.push(`${key}: needs a value`);
      return;
    }
    if (isNegated) q.excludeFilters.push({ field: key as TermFilter, terms });
    else q.filters.push({ field: key as TermFilter, terms, isPrefix: isLast });
  });
  return q;
}

function isKnownKey(key: string): boolean {
  return key === 'is' || key === 'before' || key === 'after' || (TERM_FILTERS as readonly string[]).includes(key);
}

function addText(q: ParsedQuery, raw: string, isQuoted: boolean, isNegated: boolean, isLast: boolean) {
  const tokens = tokenizeNormalized(normalizeText(raw));
  if (tokens.length === 0) return;
  if (isNegated) q.excludeWords.push(...tokens);
  else if (isQuoted && tokens.length > 1) q.phrases.push(tokens);
  else tokens.forEach((t, j) => q.words.push({ text: t, isPrefix: isLast && !isQuoted && j === tokens.length - 1 }));
}

/** The index terms a filter value stands for; the index stores the same forms (see filterTermsOf). */
export function filterTerms(field: TermFilter, value: string): string[] {
  const v = normalizeText(value.trim()).replace(/\p{Cc}/gu, '');
  if (field === 'tag') return v ? [v.replace(/^#/, '').replace(/\s+/g, '-')] : [];
  if (field === 'kind') return v ? [v] : [];
  if (field === 'site') return v ? [v.replace(/^(?:https?:\/\/)?(?:www\.)?/, '').replace(/\/.*$/, '')] : [];
  return tokenizeNormalized(v);
}

const DAY = 86_400_000;
const RELATIVE: Record<string, number> = { d: DAY, w: 7 * DAY, m: 30 * DAY, y: 365 * DAY };

function parseDate(value: string, now: number): number | undefined {
  const rel = /^(\d{1,4})([dwmy])$/i.exec(value);
  if (rel) return now - Number(rel[1]) * RELATIVE[rel[2]!.toLowerCase()]!;
  const abs = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (!abs) return undefined;
  const [y, mo, d] = [Number(abs[1]), Number(abs[2] ?? 1), Number(abs[3] ?? 1)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return Date.UTC(y, mo - 1, d);
}
