// Compile-time checks of the protocol's directions: `npx tsc --noEmit` (npm test's typecheck) fails if any
// `@ts-expect-error` line below stops being an error, or any plain line becomes one. Nothing here runs.
import {
  onBackgroundMessage,
  onContentMessage,
  onSearchHostMessage,
  sendToBackground,
  sendToContent,
  sendToSearchHost,
} from './messenger';
import type { ToSearchHost } from './protocol';
import type { Send } from '../search-host/backends';
import type { On } from '../search-host/host';

export async function protocolTypeChecks(send: Send, on: On): Promise<void> {
  // To the background: right keys and payloads compile, and answers are typed.
  const opened = await sendToBackground('openNote', { id: 'n1' });
  if (opened.ok) opened.value satisfies null;
  const summaries = await sendToBackground('syncNow');
  summaries[0]?.status satisfies 'synced' | 'skipped' | 'failed' | undefined;
  // @ts-expect-error a content-script message is not the background's
  await sendToBackground('startHarvest', { mode: 'page' });
  // @ts-expect-error a search host request is not the background's
  await sendToBackground('searchNotes', { query: 'q', limit: 5 });
  // @ts-expect-error no such message
  await sendToBackground('openNotes', { id: 'n1' });
  // @ts-expect-error the payload's field is `id`, not `noteId`
  await sendToBackground('openNote', { noteId: 'n1' });
  // @ts-expect-error syncNow takes no payload
  await sendToBackground('syncNow', { force: true });

  // To a content script: needs its tab.
  await sendToContent('startHarvest', { mode: 'thread' }, { tabId: 1, frameId: 0 });
  const status = await sendToContent('getPageStatus', undefined, 1);
  status.painted satisfies unknown[];
  // @ts-expect-error a content script has no tab to be sent without
  await sendToContent('stepHighlight', { action: 'next' });
  // @ts-expect-error `mode` must be a capture mode
  await sendToContent('startHarvest', { mode: 'everything' }, 1);
  // @ts-expect-error the background's messages are not the content script's
  await sendToContent('createNote', {}, 1);

  // To the search host: over its port (Send), or the background's two runtime messages.
  const found = await send('searchNotes', { query: 'q', limit: 5 });
  found[0]?.quote satisfies string | undefined;
  await sendToSearchHost('compactSearchIndex', { rebuild: true });
  // @ts-expect-error `limit` is required
  await send('searchNotes', { query: 'q' });
  // @ts-expect-error the background asks for the host, the host does not answer this
  await send('ensureSearchHost', undefined);
  // @ts-expect-error a page's query never goes through the background's relay
  await sendToSearchHost('searchNotes', { query: 'q', limit: 5 });

  // Listeners: each side answers only its own keys, with the right answer type.
  onBackgroundMessage('getNoteCard', () => null);
  onContentMessage('getPageStatus', () => ({ url: 'https://example.org/', painted: [], orphans: [] }));
  onSearchHostMessage('searchIndexChanged', () => undefined);
  on('searchTopTags', ({ data }) => [{ tag: 't', count: data.limit }]);
  // @ts-expect-error the content script does not answer createNote
  onContentMessage('createNote', () => undefined);
  // @ts-expect-error the background does not answer stepHighlight
  onBackgroundMessage('stepHighlight', () => undefined);
  // @ts-expect-error getPageStatus answers a PageStatus, not a string
  onContentMessage('getPageStatus', () => 'painted');
  // @ts-expect-error the host's searchNotes answers notes, not tags
  on('searchNotes', () => [{ tag: 't', count: 1 }]);
  const keys: (keyof ToSearchHost)[] = ['searchNotes', 'searchIndexChanged', 'searchTopTags', 'compactSearchIndex'];
  // @ts-expect-error the search host has no such request
  keys.push('syncNow');
}
