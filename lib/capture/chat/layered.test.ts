import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ChatMessageSchema } from '../../model/note';
import { loadFixtures } from '../../../tests/fixtures/chat/load';
import { ADAPTERS, genericAdapter } from './index';
import { filledByStructure, missingFields, withStructure } from './layered';

const message = (html: string, url = 'https://chat.example.com/c/1') =>
  new JSDOM(`<div id="list">${html}</div>`, { url }).window.document.querySelector('#list > *')!;

describe('withStructure: what an adapter missed, read again from structure', () => {
  it('reads author, time, permalink and text from microdata, time[datetime] and the link around the time', () => {
    const el = message(
      '<div class="msg" data-message-id="m1"><span itemprop="author"><span itemprop="name">Ada</span></span>' +
        '<a href="/c/1/m1"><time datetime="2024-05-01T10:00:00Z">10:00</time></a>' +
        '<div class="reactions-x">👍 2</div><p>The words themselves.</p><button>Reply</button></div>',
    );
    const m = withStructure(el, { text: '' });
    expect(m).toEqual({
      id: 'm1',
      author: 'Ada',
      timestamp: '2024-05-01T10:00:00.000Z',
      permalink: 'https://chat.example.com/c/1/m1',
      text: 'The words themselves.',
    });
    expect([...filledByStructure(m)].sort()).toEqual(['author', 'id', 'permalink', 'text', 'timestamp']);
  });

  it('reads author and time from a row label "<name> at <time> wrote, …" when nothing else names them', () => {
    const el = message('<div role="listitem" aria-label="lena at 8:21 AM Friday wrote, hi"><p>hi</p></div>');
    expect(withStructure(el, { text: 'hi' })).toMatchObject({ author: 'lena', timestamp: '8:21 AM Friday' });
  });

  it('never overrides what the adapter read, and lends a post nothing from a reply nested in it', () => {
    const el = message(
      '<article class="post"><p>Post text</p><article class="post"><time datetime="2024-01-01">x</time></article></article>',
    );
    const read = { author: 'Kept', text: 'Adapter text' };
    const m = withStructure(el, read, { message: 'article.post' });
    expect(m).toEqual(read);
    expect(missingFields(m)).toEqual(['id', 'timestamp', 'permalink']);
  });

  it('gives a message with no words an empty text (the note schema requires one) and reports it missing', () => {
    const m = withStructure(message('<div><img src="/a.png" alt=""></div>'), { text: '' });
    expect(ChatMessageSchema.safeParse(m).success).toBe(true);
    expect(missingFields(m, ['text'])).toEqual(['text']);
  });
});

describe('a message with visible text never yields empty text, even with its primary text selector gone', () => {
  const bodyKeys = (selectors: Readonly<Record<string, string>>) =>
    Object.entries(selectors)
      .filter(([k]) => /body$/i.test(k))
      .map(([, v]) => v);
  const cases = [...ADAPTERS, genericAdapter].flatMap((adapter) =>
    loadFixtures(adapter.id).map((f) => [`${adapter.id}/${f.name}`, adapter, f] as const),
  );

  it.each(cases)('%s', (_name, adapter, f) => {
    const { doc } = f.open();
    const els = adapter.messagesIn(doc);
    expect(els.length).toBe(f.expected.messages.length);
    let checked = 0;
    els.forEach((el, i) => {
      const expected = f.expected.messages[i]!;
      if (!expected.text) return;
      // Drift: the elements the adapter's text selectors name lose every attribute (their words stay).
      for (const sel of bodyKeys(adapter.selectors))
        for (const body of Array.from(el.querySelectorAll(sel)))
          for (const a of Array.from(body.attributes)) body.removeAttribute(a.name);
      const text = adapter.readMessage(el).text;
      expect(text, `message ${i}`).not.toBe('');
      const words = expected.text.split('\n')[0]!.slice(0, 16);
      expect(text, `message ${i}`).toContain(words);
      checked++;
    });
    expect(checked).toBeGreaterThan(0);
  });
});
