import { describe, expect, it } from 'vitest';
import { NoteDraftSchema } from '../model';
import { defaultCommunity, draftFromCapture, parseTags } from './draft';
import { textFragmentUrl } from './text-fragment';
import { createPendingCaptures, MAX_PENDING_CAPTURES } from './pending';
import type { CaptureRequest } from '../messaging/protocol';

const page = { url: 'https://ex.com/a', canonicalUrl: 'https://ex.com/a', title: 'A', excerpt: 'The excerpt.' };
const base: CaptureRequest = { mode: 'selection', url: page.url, quote: 'q', selectors: [], html: '' };
const input = { kind: 'insight' as const, takeaway: 't', tags: ['x'] };

describe('capture drafts', () => {
  it('parses tags as typed', () => {
    expect(parseTags(' React, #hooks  state,,react ')).toEqual(['react', 'hooks', 'state']);
    expect(parseTags('')).toEqual([]);
  });
  it('quotes the selection, the page excerpt, or the link — each a valid draft', () => {
    const sel = draftFromCapture(base, page, input);
    const pg = draftFromCapture({ ...base, mode: 'page' }, page, input);
    const link = draftFromCapture(
      { ...base, mode: 'link', linkUrl: 'https://x.org/p?utm_source=a', linkText: 'X' },
      page,
      input,
    );
    expect(sel.quote).toBe('q');
    expect(pg.quote).toBe('The excerpt.');
    expect(link).toMatchObject({
      quote: 'X',
      page: { url: 'https://x.org/p?utm_source=a', canonicalUrl: 'https://x.org/p' },
    });
    for (const d of [sel, pg, link]) expect(NoteDraftSchema.safeParse(d).success).toBe(true);
  });
  it('shares with the first community by default, but keeps private chat personal', () => {
    const communities = [{ id: 'c1' }, { id: 'c2' }];
    const chat = { platform: 'slack', messages: [{ text: 'hi' }] };
    expect(defaultCommunity({}, communities)).toBe('c1');
    expect(defaultCommunity({}, [])).toBeNull();
    expect(defaultCommunity({ chat: { ...chat, isPrivate: false } }, communities)).toBe('c1');
    expect(defaultCommunity({ chat: { ...chat, isPrivate: true } }, communities)).toBeNull();
  });
  it('builds text-fragment URLs, short form for long quotes', () => {
    expect(textFragmentUrl('https://ex.com/a#old', 'hello, world-wide')).toBe(
      'https://ex.com/a#:~:text=hello%2C%20world%2Dwide',
    );
    const long = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textFragmentUrl('https://ex.com/a', long)).toBe(
      'https://ex.com/a#:~:text=one%20two%20three%20four,nine%20ten%20eleven%20twelve',
    );
  });
  it('holds pending harvests under unguessable ids that expire', () => {
    let now = 0;
    const pending = createPendingCaptures(1000, () => now);
    const id = pending.add(base, 1, 0);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(pending.get(id)?.tabId).toBe(1);
    expect(pending.get('0'.repeat(32))).toBeUndefined();
    now = 2000;
    expect(pending.get(id)).toBeUndefined();
    const again = pending.add(base, 2, 0);
    expect(pending.remove(again)?.tabId).toBe(2);
    expect(pending.get(again)).toBeUndefined();
  });
  it('holds a bounded number of pending harvests however many a page starts: the oldest go first', () => {
    const pending = createPendingCaptures(60_000, () => 0);
    const ids = Array.from({ length: MAX_PENDING_CAPTURES * 5 }, (_, i) => pending.add(base, i, 0));
    expect(pending.size).toBe(MAX_PENDING_CAPTURES);
    expect(pending.get(ids[0]!)).toBeUndefined();
    expect(pending.get(ids.at(-MAX_PENDING_CAPTURES - 1)!)).toBeUndefined();
    expect(pending.get(ids.at(-MAX_PENDING_CAPTURES)!)?.tabId).toBe(MAX_PENDING_CAPTURES * 4);
    expect(pending.get(ids.at(-1)!)?.tabId).toBe(MAX_PENDING_CAPTURES * 5 - 1);
  });
});
