import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ChatContextSchema } from '../../model/note';
import { loadFixtures, locationOf } from '../../../tests/fixtures/chat/load';
import { adapterFor, chatContextForRange, contributorsOf, findMessageElement, threadContextAt } from './index';

function slack(name: 'channel' | 'thread') {
  const f = loadFixtures('slack').find((x) => x.name === name)!;
  const { doc } = f.open();
  return { doc, loc: locationOf(f.expected.url) };
}

/** A range from the first text of `a` to the last text of `b`, as a reader's drag would make. */
function rangeOver(doc: Document, a: Element, b: Element): Range {
  const texts = (el: Element) => {
    const w = doc.createTreeWalker(el.querySelector('[data-qa="message-text"]') ?? el, 4);
    const out: Text[] = [];
    for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
    return out;
  };
  const range = doc.createRange();
  range.setStart(texts(a)[0]!, 2);
  const last = texts(b).at(-1)!;
  range.setEnd(last, last.length - 1);
  return range;
}

describe('chatContextForRange', () => {
  it('records every message a selection touches, with who said it, where', () => {
    const { doc, loc } = slack('channel');
    const els = doc.querySelectorAll('[data-qa="message_container"]');
    const ctx = chatContextForRange(rangeOver(doc, els[0]!, els[2]!), doc, loc)!;
    expect(ctx.platform).toBe('slack');
    expect(ctx.channel).toBe('design');
    expect(ctx.workspace).toBe('Acme Inc');
    expect(ctx.messages.map((m) => m.author)).toEqual(['Ada Lovelace', 'Ada Lovelace', 'Grace Hopper']);
    expect(() => ChatContextSchema.parse(ctx)).not.toThrow();
    expect(contributorsOf(ctx)).toEqual([
      { id: 'slack:U012AB3CD', name: 'Ada Lovelace' },
      { id: 'slack:U02XYZ789', name: 'Grace Hopper' },
    ]);
  });

  it('records one message for a selection inside it, with its thread root', () => {
    const { doc, loc } = slack('thread');
    const reply = doc.querySelectorAll('.p-view_contents--secondary [data-qa="message_container"]')[1]!;
    const ctx = chatContextForRange(rangeOver(doc, reply, reply), doc, loc)!;
    expect(ctx.messages.map((m) => m.id)).toEqual(['1763633400.000400']);
    expect(ctx.isThread).toBe(true);
    expect(ctx.threadRoot?.id).toBe('1763633100.000300');
  });

  it('counts a post and the reply nested in it when a selection runs from one into the other (Teams)', () => {
    const f = loadFixtures('teams').find((x) => x.name === 'thread')!;
    const { doc } = f.open();
    const range = doc.createRange();
    range.setStart(doc.querySelector('#content-1763650800000 p')!.firstChild!, 0);
    range.setEnd(doc.querySelector('#content-1763651100000 p')!.firstChild!, 4);
    const ctx = chatContextForRange(range, doc, locationOf(f.expected.url))!;
    expect(ctx.messages.map((m) => m.author)).toEqual(['Linus Torvalds', 'Ada Lovelace']);
    expect(ctx.threadRoot?.id).toBe('1763650800000');
  });

  it('is null outside messages and on pages that are not chats', () => {
    const { doc, loc } = slack('channel');
    const header = doc.createRange();
    header.selectNodeContents(doc.querySelector('[data-qa="channel_name"]')!);
    expect(chatContextForRange(header, doc, loc)).toBeNull();
    const page = new JSDOM('<p>Hello world</p>', { url: 'https://blog.example/' }).window.document;
    const r = page.createRange();
    r.selectNodeContents(page.querySelector('p')!);
    expect(chatContextForRange(r, page, { hostname: 'blog.example', pathname: '/' })).toBeNull();
  });
});

describe('threadContextAt', () => {
  it('harvests the rendered thread and says how many messages it holds', () => {
    const { doc, loc } = slack('thread');
    const node = doc.querySelectorAll('.p-view_contents--secondary [data-qa="message-text"]')[2]!.firstChild!;
    const ctx = threadContextAt(node, doc, loc)!;
    expect(ctx).toMatchObject({ platform: 'slack', isThread: true, loadedCount: 3, isPrivate: false });
    expect(ctx.threadRoot?.author).toBe('Grace Hopper');
    expect(ctx.messages).toHaveLength(3);
    expect(() => ChatContextSchema.parse(ctx)).not.toThrow();
  });

  it('never counts messages a virtualised list dropped', () => {
    const { doc, loc } = slack('thread');
    const pane = doc.querySelector('.p-view_contents--secondary')!;
    pane.querySelectorAll('[data-qa="virtual-list-item"]')[2]!.remove();
    const last = pane.querySelectorAll('[data-qa="message-text"]');
    const ctx = threadContextAt(last[last.length - 1]!, doc, loc)!;
    expect(ctx.loadedCount).toBe(2);
    expect(ctx.messages.map((m) => m.id)).toEqual(['1763633100.000300', '1763633700.000500']);
  });

  it('marks direct messages private', () => {
    const { doc } = slack('channel');
    for (const el of doc.querySelectorAll('[data-msg-channel-id]')) el.setAttribute('data-msg-channel-id', 'D0ABCDEF1');
    const loc = { hostname: 'app.slack.com', pathname: '/client/T024BE7LD/D0ABCDEF1' };
    const ctx = threadContextAt(doc.querySelector('[data-qa="message-text"]')!, doc, loc)!;
    expect(ctx.isPrivate).toBe(true);
  });
});

describe('findMessageElement (re-anchoring by identity)', () => {
  it('finds a message by id, by permalink, then by author and time; null when not rendered', () => {
    const { doc, loc } = slack('channel');
    const adapter = adapterFor(loc, doc)!;
    const [, second] = adapter.messagesIn(doc);
    const stored = adapter.readMessage(second!);
    expect(findMessageElement(adapter, doc, stored)).toBe(second);
    expect(findMessageElement(adapter, doc, { text: '', permalink: stored.permalink })).toBe(second);
    expect(findMessageElement(adapter, doc, { text: '', author: stored.author, timestamp: stored.timestamp })).toBe(
      second,
    );
    second!.closest('[data-qa="virtual-list-item"]')!.remove();
    expect(findMessageElement(adapter, doc, stored)).toBeNull();
  });
});

describe('hostile pages', () => {
  it('stores no script URLs, no NUL characters and nothing over the schema limits', () => {
    const f = loadFixtures('slack')[0]!;
    const html = f.html
      .replace('href="https://acme.slack.com/archives/C024BE91L/p1763632800000100"', 'href="javascript:alert(1)"')
      .replace('Has anyone profiled', `Has\u0000 anyone ${'x'.repeat(60_000)} profiled`)
      .replace('>Ada Lovelace</button>', `>${'A'.repeat(500)}</button>`);
    const doc = new JSDOM(html, { url: f.expected.url }).window.document;
    const loc = locationOf(f.expected.url);
    const ctx = threadContextAt(doc.querySelector('[data-qa="message-text"]')!, doc, loc)!;
    const [m] = ctx.messages;
    expect(m!.permalink).toBeUndefined();
    expect(m!.text).not.toContain('\u0000');
    expect(() => ChatContextSchema.parse(ctx)).not.toThrow();
  });
});

describe('views that mix channels', () => {
  it('reads the channel of the message, not of the page (Zulip combined feed)', () => {
    const f = loadFixtures('zulip').find((x) => x.name === 'thread')!;
    const { doc } = f.open();
    const adapter = adapterFor(locationOf(f.expected.url), doc)!;
    const last = adapter.messagesIn(doc).at(-1)!;
    expect(adapter.contextOf(doc, last).channel).toBe('release > v2.1');
    const ctx = threadContextAt(last, doc, locationOf(f.expected.url))!;
    expect(ctx.messages.map((m) => m.id)).toEqual(['2005']);
    expect(ctx.threadRoot).toBeUndefined();
  });
});
