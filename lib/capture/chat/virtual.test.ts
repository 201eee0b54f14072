import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { VIRTUAL_CHANNEL_URL, virtualChannelHtml, virtualTs } from '../../../tests/fixtures/chat/virtual-channel';
import { locationOf } from '../../../tests/fixtures/chat/load';
import { adapterFor, findMessageElement, messageListRoot, observeMessages, threadContextAt } from './index';

type ChatWindow = Window & { chatScrollTo(first: number): void };

function open() {
  const dom = new JSDOM(virtualChannelHtml(2000, 40), { url: VIRTUAL_CHANNEL_URL, runScripts: 'dangerously' });
  const win = dom.window as unknown as ChatWindow;
  const doc = dom.window.document;
  // observeMessages uses the page's MutationObserver, as it would in a content script.
  globalThis.MutationObserver = dom.window.MutationObserver;
  const adapter = adapterFor(locationOf(VIRTUAL_CHANNEL_URL), doc)!;
  return { win, doc, adapter, list: doc.querySelector('[role="list"]')! };
}

describe('a virtualised channel', () => {
  it('renders only a window, and a harvest holds only what is rendered', () => {
    const { doc, adapter } = open();
    expect(adapter.id).toBe('slack');
    expect(messageListRoot(adapter, doc)).toBe(doc.querySelector('[role="list"]'));
    const els = adapter.messagesIn(doc);
    expect(els).toHaveLength(40);
    const ctx = threadContextAt(els[5]!, doc, locationOf(VIRTUAL_CHANNEL_URL))!;
    expect(ctx.loadedCount).toBe(1);
  });

  it('re-finds a message by identity after it is scrolled away and back; "not on screen" in between', async () => {
    const { win, doc, adapter, list } = open();
    const target = adapter.messagesIn(doc)[10]!;
    const stored = adapter.readMessage(target);
    expect(stored.id).toBe(virtualTs(1970));
    expect(stored.author).toBe('Member 3'); // named on message 1968, the head of its run

    const changes: number[] = [];
    const ctl = new AbortController();
    observeMessages(list, (c) => changes.push(c.added.length), { signal: ctl.signal, debounceMs: 10 });

    win.chatScrollTo(0);
    expect(findMessageElement(adapter, doc, stored)).toBeNull();
    // The observer reports the new window once its debounce runs out; on a loaded machine that is not 40 ms.
    await vi.waitFor(() => expect(changes.at(-1)).toBe(40), { timeout: 5_000, interval: 10 });

    win.chatScrollTo(1950);
    const again = findMessageElement(adapter, doc, stored);
    expect(again).not.toBeNull();
    expect(again).not.toBe(target);
    expect(adapter.readMessage(again!)).toEqual(stored);

    // Message 1001's run starts at 999, outside the window: its author is unknown, never guessed.
    win.chatScrollTo(1000);
    const orphanRow = findMessageElement(adapter, doc, { text: '', id: virtualTs(1001) })!;
    expect(adapter.readMessage(orphanRow).author).toBeUndefined();
    expect(adapter.readMessage(adapter.messagesIn(doc)[2]!).author).toBe('Member 2');
    ctl.abort();
  });
});
