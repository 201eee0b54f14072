import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadFixtures, locationOf } from '../../../tests/fixtures/chat/load';
import { adapterFor, chatContextForRange, genericAdapter, missingInContext } from './index';

const fixtures = loadFixtures('generic');

describe('generic ARIA reader on layouts no adapter covers', () => {
  it('has at least two layouts to prove itself on', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: is the fallback, and reads what is there', (_n, f) => {
    const { doc } = f.open();
    expect(adapterFor(locationOf(f.expected.url), doc)?.id).toBe('generic');
    const els = genericAdapter.messagesIn(doc);
    expect(els.map((el) => genericAdapter.readMessage(el))).toEqual(f.expected.messages);
    expect(genericAdapter.contextOf(doc, els[0])).toEqual(f.expected.context);
    const thread = genericAdapter.threadOf(els[f.expected.thread.at]!);
    expect(thread.isThread).toBe(f.expected.thread.isThread);
    expect(thread.root?.id).toBe(f.expected.thread.rootId);
    expect(thread.messages.map((m) => m.id)).toEqual(f.expected.thread.messageIds);
  });

  it('can be turned off, and leaves a page without a log or feed alone', () => {
    const f = fixtures[0]!;
    expect(adapterFor(locationOf(f.expected.url), f.open().doc, { allowGeneric: false })).toBeNull();
    const plain = new JSDOM('<ul><li>Milk</li></ul>', { url: 'https://shop.example/list' }).window.document;
    expect(adapterFor({ hostname: 'shop.example', pathname: '/list' }, plain)).toBeNull();
  });

  it('leaves out what it cannot find rather than guessing', () => {
    const doc = new JSDOM('<div role="log"><div role="article">Just text</div></div>').window.document;
    expect(genericAdapter.readMessage(genericAdapter.messagesIn(doc)[0]!)).toEqual({ text: 'Just text' });
  });

  it('on converse.js (real markup, no roles): reads what the room shows and names the field it lacks', () => {
    const f = fixtures.find((x) => x.name === 'converse-muc')!;
    const { doc } = f.open();
    const body = doc.querySelectorAll('converse-chat-message-body')[1]!;
    const range = doc.createRange();
    range.selectNodeContents(body);
    const chat = chatContextForRange(range, doc, locationOf(f.expected.url))!;
    // The follow-up shows no name of its own: it is Bob's, as the grouped layout shows it.
    expect(chat).toEqual({ platform: 'generic', channel: 'makers', messages: [f.expected.messages[1]] });
    // converse.js renders no link to a message: the capture panel says so rather than leaving it silently empty.
    expect(missingInContext(chat)).toEqual(['permalink']);
  });
});
