import type { Note } from '../../lib/model';
import { makeNote } from './notes';

/** A note with every optional field filled, so a walk over it reaches every string the note schema has. */
export function fullNote(overrides: Partial<Note> = {}): Note {
  const message = {
    id: 'msg-1',
    author: 'Our author',
    authorId: 'U123',
    timestamp: '2026-01-15T10:00:00Z',
    permalink: 'https://chat.example.org/c/1/p/1',
    text: 'Our words in a message.',
    isRoot: true,
  };
  return makeNote({
    selectors: [
      { type: 'TextQuoteSelector', exact: 'Small modules', prefix: 'before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: 1, end: 14 },
      {
        type: 'RangeSelector',
        startContainer: '/main[1]/p[1]',
        startOffset: 0,
        endContainer: '/main[1]/p[1]',
        endOffset: 13,
      },
    ],
    page: {
      url: 'https://example.org/style',
      canonicalUrl: 'https://example.org/style',
      title: 'Style',
      byline: 'A byline',
      siteName: 'Example',
      excerpt: 'An excerpt.',
      lang: 'en',
      publishedTime: '2026-01-01',
    },
    communityId: null,
    author: { id: 'author-1', name: 'Ignored author' },
    contributors: [{ id: 'person-1', name: 'A contributor' }],
    chat: {
      platform: 'slack',
      workspace: 'Our workspace',
      channel: 'general',
      threadRoot: message,
      messages: [message],
      isThread: true,
      loadedCount: 1,
      isPrivate: false,
    },
    links: { answers: '0190b3c2-0000-7000-8000-000000000001', addsTo: '0190b3c2-0000-7000-8000-000000000002' },
    rich: { html: '<p>Small modules</p>', codeLanguage: 'ts' },
    sync: { version: 1, hlc: '000000000000001-000000', isPending: false, isRejected: false, rejectReason: 'none' },
    ...overrides,
  });
}

export type Path = (string | number)[];

/** Every path to a string inside `value` (object keys and array indexes). */
export function stringPaths(value: unknown, at: Path = []): Path[] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
}

/** A deep copy of `value` with the string at `path` replaced by `edit(old)`. */
export function withString<T>(value: T, path: Path, edit: (old: string) => string): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  parent[last] = edit(parent[last] as string);
  return copy as T;
}

/** Characters no stored text may hold: NUL, a lone high and a lone low surrogate. */
export const BAD_CHARS = ['\u0000', '\ud800', '\udfff'] as const;
