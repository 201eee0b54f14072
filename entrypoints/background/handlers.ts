import { browser } from 'wxt/browser';
import { db, notes } from '@/lib/db';
import { syncState } from '@/lib/db/sync-state';
import { notesOfKinds } from '@/lib/db/notes-of-kinds';
import { eventsRepository } from '@/lib/db/events';
import { DUPLICATE_AVOIDED } from '@/lib/similarity';
import type { Similarity } from './similarity';
import { createCaptureAnswers } from './capture-answers';
import type { LiveTagCounts } from '@/lib/db/tag-counts';
import { onBackgroundMessage, sendToContent } from '@/lib/messaging/messenger';
import { type PaintableNote } from '@/lib/messaging/protocol';
import { CaptureRequestSchema } from '@/lib/messaging/schemas';
import { createPendingCaptures } from '@/lib/capture/pending';
import { createExpiringStore } from '@/lib/messaging/expiring-store';
import { isExtensionPage } from './senders';
import { printedQuestions } from '@/lib/rituals/harvest-back';
import { textFragmentUrl } from '@/lib/capture/text-fragment';
import { err, isSameSite, ok, pageKey, type Note } from '@/lib/model';
import { isImpactSource, NOTE_OPENED } from '@/lib/impact/sources';

/** A highlight card's one-time code: which note, for which tab. Cards open one at a time; a minute is plenty. */
interface CardGrant {
  noteId: string;
  tabId: number;
}

const FOCUS_KEY = (tabId: number) => `focus:${tabId}`;

/** This browser's member ids, one per community joined: notes by them are the user's own. */
async function ownMemberIds(): Promise<Set<string>> {
  return new Set((await syncState(db).memberships()).map((m) => m.memberId));
}

function paintable(n: Note, own: Set<string>): PaintableNote {
  return {
    id: n.id,
    kind: n.kind,
    quote: n.quote,
    takeaway: n.takeaway,
    selectors: n.selectors,
    authorName: n.author?.name,
    isOwn: !n.author || own.has(n.author.id),
    ...(n.chat?.messages[0] ? { chatMessage: pickMessage(n.chat.messages[0]) } : {}),
  };
}

function pickMessage({ id, permalink, author, timestamp, text }: NonNullable<Note['chat']>['messages'][number]) {
  return { id, permalink, author, timestamp, text };
}

/** Registers every background message handler. Each validates its input; failures come back as values. */
export function registerHandlers(similarity: Similarity, tagCounts: LiveTagCounts) {
  const pending = createPendingCaptures();
  const cards = createExpiringStore<CardGrant>({ ttlMs: 60_000, maxEntries: 20 });

  onBackgroundMessage('openCapture', ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return err('Harvests start in a tab');
    const parsed = CaptureRequestSchema.safeParse(data);
    if (!parsed.success) return err(`Invalid harvest: ${parsed.error.issues[0]?.message ?? 'bad input'}`);
    return ok({ captureId: pending.add(parsed.data, tabId, sender.frameId ?? 0) });
  });

  const answers = createCaptureAnswers({
    pending,
    topTags: (limit) => tagCounts.top(limit), // counted as notes change, not by a scan per harvest
    memberships: () => syncState(db).memberships(),
  });
  onBackgroundMessage('getCapture', async ({ data, sender }) =>
    isExtensionPage(sender) ? answers.capture(String(data?.captureId)) : null,
  );
  onBackgroundMessage('getTagSuggestions', async ({ sender }) =>
    isExtensionPage(sender) ? answers.tagSuggestions() : [],
  );

  onBackgroundMessage('closeCapture', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return;
    const entry = pending.remove(String(data?.captureId));
    if (!entry) return;
    await sendToContent(
      'captureClosed',
      { captureId: String(data.captureId), isSaved: !!data.isSaved },
      { tabId: entry.tabId, frameId: entry.frameId },
    ).catch(() => undefined); // the tab may have gone; nothing to close then
  });

  onBackgroundMessage('captureSaved', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return;
    const entry = pending.get(String(data?.captureId));
    if (!entry) return;
    await sendToContent(
      'captureSaved',
      { captureId: String(data.captureId) },
      { tabId: entry.tabId, frameId: entry.frameId },
    ).catch(() => undefined); // the tab may have gone; nothing to paint then
  });

  onBackgroundMessage('createNote', async ({ data, sender }) =>
    isExtensionPage(sender) ? notes.create(data) : err('Not allowed'),
  );
  onBackgroundMessage('createNotes', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return err('Not allowed');
    const r = await notes.createMany(data);
    return r.ok ? ok({ created: r.value.length }) : r;
  });
  onBackgroundMessage('harvestBackContext', async ({ data, sender }) => {
    if (!isExtensionPage(sender) || typeof data?.rootText !== 'string' || typeof data.day !== 'string') {
      return { questions: [], harvested: [] };
    }
    const [questions, harvested] = await Promise.all([
      notesOfKinds(db, ['question']), // a chunk per transaction: the panel's Save must not queue behind every question
      notes.forPage(String(data.url)).catch(() => []),
    ]);
    return { questions: printedQuestions(data.rootText, questions, data.day), harvested };
  });
  onBackgroundMessage('updateNote', async ({ data, sender }) =>
    isExtensionPage(sender) ? notes.update(String(data?.id), data?.patch) : err('Not allowed'),
  );
  onBackgroundMessage('removeNote', async ({ data, sender }) =>
    isExtensionPage(sender) ? notes.remove(String(data?.id)) : err('Not allowed'),
  );
  onBackgroundMessage('restoreNote', async ({ data, sender }) =>
    isExtensionPage(sender) ? notes.restore(String(data?.id)) : err('Not allowed'),
  );

  onBackgroundMessage('moveNotes', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return err('Not allowed');
    const ids = Array.isArray(data?.ids) ? data.ids.map(String).slice(0, 10_000) : [];
    return notes.moveToPage(ids, String(data?.url));
  });

  onBackgroundMessage('findSimilar', async ({ data, sender }) => {
    if (!isExtensionPage(sender) || typeof data?.quote !== 'string') return [];
    let key: string | undefined;
    try {
      key = data.url ? pageKey(String(data.url)) : undefined;
    } catch {
      key = undefined; // not a URL we key pages by: similar notes by their words only
    }
    return similarity.find({
      quote: data.quote,
      takeaway: data.takeaway,
      kind: data.kind,
      chat: data.chat,
      pageKey: key,
    });
  });

  onBackgroundMessage('recordDuplicateAvoided', async ({ data, sender }) => {
    if (!isExtensionPage(sender) || !(await notes.get(String(data?.noteId)))) return;
    await eventsRepository(db).record({
      type: DUPLICATE_AVOIDED,
      noteId: String(data.noteId),
      at: Date.now(),
      data: { reasons: Array.isArray(data.reasons) ? data.reasons.map(String).slice(0, 4) : [] },
    });
  });

  onBackgroundMessage('openNote', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return err('Not allowed');
    const note = await notes.get(String(data?.id));
    if (!note) return err('No such note');
    const permalink = note.chat?.messages[0]?.permalink;
    const tab = await browser.tabs.create({ url: permalink ?? textFragmentUrl(note.page.url, note.quote) });
    if (tab.id !== undefined) await browser.storage.session.set({ [FOCUS_KEY(tab.id)]: note.id });
    await eventsRepository(db).record({
      type: NOTE_OPENED,
      noteId: note.id,
      at: Date.now(),
      ...(isImpactSource(data?.source) ? { data: { source: data.source } } : {}),
    });
    return ok(null);
  });

  onBackgroundMessage('recordNoteOpened', async ({ data, sender }) => {
    if (!isExtensionPage(sender) || !isImpactSource(data?.source) || !(await notes.get(String(data?.noteId)))) return;
    await eventsRepository(db).record({
      type: NOTE_OPENED,
      noteId: String(data.noteId),
      at: Date.now(),
      data: { source: data.source },
    });
  });

  onBackgroundMessage('registerNoteCard', async ({ data, sender }) => {
    // From the content script of the page the note is painted on: the same check as getPageNotes.
    const tabId = sender.tab?.id;
    const note = await notes.get(String(data?.noteId));
    if (tabId === undefined || !note || note.deletedAt !== undefined) return null;
    const frameUrl = sender.url ?? '';
    if (!isSameSite(frameUrl, note.page.url) && !isSameSite(frameUrl, note.page.canonicalUrl)) return null;
    return cards.add({ noteId: note.id, tabId });
  });

  onBackgroundMessage('getNoteCard', async ({ data, sender }) => {
    if (!isExtensionPage(sender)) return null;
    const grant = cards.take(String(data?.code));
    if (!grant || grant.tabId !== sender.tab?.id) return null;
    const note = await notes.get(grant.noteId);
    if (!note) return null;
    const { id, kind, takeaway, quote, authorName, isOwn } = paintable(note, await ownMemberIds());
    return { id, kind, takeaway, quote, authorName, isOwn };
  });

  onBackgroundMessage('getPageNotes', async ({ data, sender }) => {
    // A frame gets the notes of its own page only: the URLs it names must be on the site it is on.
    const frameUrl = sender.url ?? '';
    const urls = [data?.url, data?.canonicalUrl].filter(
      (u): u is string => typeof u === 'string' && isSameSite(frameUrl, u),
    );
    const found = new Map<string, Note>();
    for (const url of urls) {
      try {
        for (const n of await notes.forPage(url)) found.set(n.id, n);
      } catch {
        // not a URL we store notes for
      }
    }
    const own = await ownMemberIds();
    let focusNoteId: string | undefined;
    const tabId = sender.tab?.id;
    if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
      const key = FOCUS_KEY(tabId);
      const stored = await browser.storage.session.get(key);
      if (typeof stored[key] === 'string' && found.has(stored[key])) {
        focusNoteId = stored[key];
        await browser.storage.session.remove(key);
      }
    }
    return { notes: [...found.values()].map((n) => paintable(n, own)), focusNoteId };
  });
}

/**
 * Extension pages that write IndexedDB themselves (options import, the new tab's answers and thanks) report
 * the note ids, so the search index and the digest follow as they do for the background's own writes.
 */
export function registerPageWrites(notesChanged: (ids: string[]) => void) {
  onBackgroundMessage('notesWritten', ({ data, sender }) => {
    if (!isExtensionPage(sender) || !Array.isArray(data?.ids)) return;
    const ids = data.ids.filter((id): id is string => typeof id === 'string' && id.length <= 200);
    if (ids.length > 0) notesChanged(ids);
  });
}
