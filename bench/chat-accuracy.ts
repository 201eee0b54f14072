/**
 * Extraction accuracy of each chat adapter on its saved pages, field by field, and again after every hashed
 * class suffix in the markup is rotated (what an app's next build does): adapters that lean on data-* hooks
 * keep their score, ones that lean on hashed classes lose it.
 */
import { JSDOM } from 'jsdom';
import type { ChatAdapter } from '../lib/capture/chat';
import type { ChatMessage } from '../lib/model/note';
import { loadFixtures, type LoadedFixture } from '../tests/fixtures/chat/load';

export const FIELDS = ['id', 'author', 'timestamp', 'permalink', 'text'] as const;
export interface Score {
  messages: number;
  right: number;
  fields: Record<(typeof FIELDS)[number], { right: number; total: number }>;
}

/** Rotates build-hash suffixes in class names (`username_c19a55` → `username_0ff1ce`). */
export function rotateClassHashes(html: string): string {
  return html.replace(/class="([^"]*)"/g, (_m, cls: string) => {
    const rotated = cls.replace(/([A-Za-z])(_{1,2})[0-9a-f]{5,6}\b/g, '$1$2' + '0ff1ce');
    return `class="${rotated}"`;
  });
}

export function scoreAdapter(
  adapter: ChatAdapter,
  platform: string,
  transform = (h: string) => h,
  isIncluded: (f: LoadedFixture) => boolean = () => true,
): Score {
  const score: Score = {
    messages: 0,
    right: 0,
    fields: Object.fromEntries(FIELDS.map((f) => [f, { right: 0, total: 0 }])) as Score['fields'],
  };
  for (const f of loadFixtures(platform).filter(isIncluded)) {
    const doc = new JSDOM(transform(f.html), { url: f.expected.url }).window.document;
    const got = adapter.messagesIn(doc).map((el) => adapter.readMessage(el));
    f.expected.messages.forEach((want: ChatMessage, i) => {
      const have = got[i];
      score.messages++;
      let isRight = !!have && Object.keys(have).length === Object.keys(want).length;
      for (const field of FIELDS) {
        if (want[field] === undefined && have?.[field] === undefined) continue;
        score.fields[field].total++;
        if (have?.[field] === want[field]) score.fields[field].right++;
        else isRight = false;
      }
      if (isRight && have?.isRoot === want.isRoot) score.right++;
    });
  }
  return score;
}
