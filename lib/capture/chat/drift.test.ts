import { describe, expect, it } from 'vitest';
import { CaptureRequestSchema } from '../../messaging/schemas';
import { loadFixtures } from '../../../tests/fixtures/chat/load';
import { ADAPTERS, missingInContext } from './index';
import { missingFields } from './layered';

describe('drift report for the capture panel', () => {
  it('names the fields of the harvested message that were not read, and the channel when the place was not', () => {
    const chat = { platform: 'slack', messages: [{ id: '1.2', text: 'hello', timestamp: '2021-02-04T20:29:25.000Z' }] };
    expect(missingInContext(chat)).toEqual(['author', 'permalink', 'channel']);
    expect(missingInContext({ ...chat, channel: 'general' })).toEqual(['author', 'permalink']);
  });

  it('judges a thread by its root, and reports nothing for a platform it does not know', () => {
    const root = { id: 'r', author: 'A', timestamp: 't', permalink: 'https://x.example/r', text: 'root' };
    expect(missingInContext({ platform: 'slack', channel: 'c', threadRoot: root, messages: [{ text: '' }] })).toEqual(
      [],
    );
    expect(missingInContext({ platform: 'unknown', messages: [{ text: '' }] })).toEqual([]);
  });

  it('is validated like everything a page sends: known field names only', () => {
    const base = { mode: 'selection', url: 'https://app.slack.com/client/T/C', quote: 'q', selectors: [], html: '' };
    expect(CaptureRequestSchema.safeParse({ ...base, chatMissing: ['author', 'channel'] }).success).toBe(true);
    expect(CaptureRequestSchema.safeParse({ ...base, chatMissing: ['<img src=x>'] }).success).toBe(false);
  });

  it.each(ADAPTERS.map((a) => [a.id, a] as const))(
    '%s reports no drift on the pages it knows (its fields are the ones the app renders)',
    (_id, adapter) => {
      for (const f of loadFixtures(adapter.id)) {
        const { doc } = f.open();
        for (const el of adapter.messagesIn(doc))
          expect(missingFields(adapter.readMessage(el), adapter.fields)).toEqual([]);
      }
    },
  );
});
