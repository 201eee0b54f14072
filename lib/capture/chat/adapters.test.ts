import { describe, expect, it } from 'vitest';
import { ChatMessageSchema } from '../../model/note';
import { loadFixtures, locationOf } from '../../../tests/fixtures/chat/load';
import { ADAPTERS, adapterFor } from './index';

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('%s adapter on its saved pages', (_id, adapter) => {
  const fixtures = loadFixtures(adapter.id);

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: is chosen for the page it was saved from', (_n, f) => {
    const { doc } = f.open();
    expect(adapterFor(locationOf(f.expected.url), doc)?.id).toBe(adapter.id);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: reads every message as expected', (_n, f) => {
    const { doc } = f.open();
    const messages = adapter.messagesIn(doc).map((el) => adapter.readMessage(el));
    expect(messages).toEqual(f.expected.messages);
    for (const m of messages) expect(() => ChatMessageSchema.parse(m)).not.toThrow();
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: reads workspace, channel and privacy', (_n, f) => {
    const { doc } = f.open();
    expect(adapter.contextOf(doc, adapter.messagesIn(doc)[0])).toEqual(f.expected.context);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: holds the thread as rendered, no more', (_n, f) => {
    const { doc } = f.open();
    const el = adapter.messagesIn(doc)[f.expected.thread.at];
    expect(el).toBeDefined();
    const thread = adapter.threadOf(el!);
    expect({
      isThread: thread.isThread,
      loadedCount: thread.loadedCount,
      rootId: thread.root?.id,
      messageIds: thread.messages.map((m) => m.id),
    }).toEqual({
      isThread: f.expected.thread.isThread,
      loadedCount: f.expected.thread.loadedCount,
      rootId: f.expected.thread.rootId,
      messageIds: f.expected.thread.messageIds,
    });
    expect(thread.loadedCount).toBe(thread.messages.length);
  });

  it('finds the message a node sits in, and nothing outside messages', () => {
    const f = fixtures[0]!;
    const { doc } = f.open();
    const [first] = adapter.messagesIn(doc);
    const textNode = doc.createTreeWalker(first!, 4).nextNode();
    expect(adapter.messageAt(textNode!)).toBe(first);
    expect(adapter.messageAt(doc.body)).toBeNull();
  });
});
