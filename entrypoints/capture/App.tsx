import { useCallback, useEffect, useMemo, useState } from 'react';
import { CapturePanel, type CaptureSubmit, type SimilarChoice } from '@/components/CapturePanel';
import { HarvestBackPanel } from '@/components/HarvestBackPanel';
import { harvestBackDrafts } from '@/lib/rituals/harvest-back-drafts';
import { planHarvestBack, type ReplyProposal } from '@/lib/rituals/harvest-back';
import { parseOccurrenceMarker } from '@/lib/rituals/marker';
import { defaultCommunity } from '@/lib/capture/draft';
import { addToDraft, answerDraft, type SimilarNote } from '@/lib/similarity';
import { extractPageContext } from '@/lib/capture/page-context';
import { draftFromCapture } from '@/lib/capture/draft';
import { sendToBackground } from '@/lib/messaging/messenger';
import { type PendingCapture } from '@/lib/messaging/protocol';
import type { Note, PageContext } from '@/lib/model';

/** The capture panel page: loads its pending harvest from the background, saves through the background. */
export function App({ captureId }: { captureId: string }) {
  const [capture, setCapture] = useState<PendingCapture | null | undefined>(undefined);
  const [page, setPage] = useState<PageContext | null>(null);
  const [similar, setSimilar] = useState<SimilarNote[]>([]);
  const [tagSuggestions, setTagSuggestions] = useState<string[] | null>(null);
  const [backContext, setBackContext] = useState<{ questions: Note[]; harvested: Note[] } | 'failed' | null>(null);
  // A thread whose root is one of our ritual posts: harvest-back (one note per reply) instead of one note.
  const occurrence = useMemo(
    () =>
      capture?.mode === 'thread' && capture.chat?.threadRoot
        ? parseOccurrenceMarker(capture.chat.threadRoot.text)
        : null,
    [capture],
  );

  useEffect(() => {
    void sendToBackground('getCapture', { captureId }).then((c) => {
      setCapture(c);
      if (!c) return;
      // Asked once the quote is on screen: a new service worker counts the tags first.
      void sendToBackground('getTagSuggestions', {}).then(setTagSuggestions, () => setTagSuggestions([]));
      // Readability runs here, on a parsed copy of the page's HTML: never on the live page.
      setTimeout(() => {
        const doc = new DOMParser().parseFromString(c.html, 'text/html');
        const ctx = extractPageContext(doc, c.url);
        setPage(ctx);
        const rootText = c.mode === 'thread' ? c.chat?.threadRoot?.text : undefined;
        const marker = rootText ? parseOccurrenceMarker(rootText) : null;
        if (rootText && marker) {
          // Without the stored notes, duplicates could not be skipped: say so rather than propose them.
          void sendToBackground('harvestBackContext', { url: ctx.canonicalUrl, rootText, day: marker.day }).then(
            setBackContext,
            () => setBackContext('failed'),
          );
          return;
        }
        // "It may already exist": asked once, while the user writes the takeaway.
        const quote = c.mode === 'page' ? (ctx.excerpt ?? ctx.title) : c.quote;
        void sendToBackground('findSimilar', { quote, url: ctx.canonicalUrl, chat: c.chat }).then(
          setSimilar,
          () => undefined,
        );
      }, 0);
    });
  }, [captureId]);

  const close = (isSaved: boolean) => void sendToBackground('closeCapture', { captureId, isSaved });

  const save = async (input: CaptureSubmit, choice?: SimilarChoice) => {
    if (!capture || !page) return { ok: false as const, error: 'Still reading the page…' };
    const draft = draftFromCapture(capture, page, input);
    const linked = !choice
      ? draft
      : choice.as === 'add'
        ? addToDraft(draft, choice.match.note)
        : answerDraft(draft, choice.match.note);
    const result = await sendToBackground('createNote', linked);
    if (result.ok && choice) {
      await sendToBackground('recordDuplicateAvoided', { noteId: choice.match.note.id, reasons: choice.match.reasons });
    }
    return result;
  };

  const chat = capture?.chat;
  const planFor = useCallback(
    (communityId: string | null) =>
      planHarvestBack({
        chat: chat!,
        occurrence: occurrence!,
        questions: typeof backContext === 'object' ? (backContext?.questions ?? []) : [],
        questionCommunityId: chat?.isPrivate ? null : communityId,
        harvested: typeof backContext === 'object' ? (backContext?.harvested ?? []) : [],
      }),
    [chat, occurrence, backContext],
  );
  const saveBack = (chosen: ReplyProposal[], communityId: string | null) =>
    sendToBackground(
      'createNotes',
      harvestBackDrafts(chosen, { chat: chat!, page: page!, communityId, ritual: occurrence!.kind }),
    );

  if (capture === undefined) return <p className="muted pad">Loading…</p>;
  if (capture === null)
    return (
      <div className="pad" role="alert">
        This harvest has expired. Select the text again to harvest it.{' '}
        <button type="button" onClick={() => close(false)}>
          Close
        </button>
      </div>
    );
  if (occurrence && chat) {
    if (backContext === 'failed') {
      return (
        <div className="pad" role="alert">
          Could not read this thread’s notes, so nothing was harvested. Close and try again.{' '}
          <button type="button" onClick={() => close(false)}>
            Close
          </button>
        </div>
      );
    }
    if (!backContext || !page) return <p className="muted pad">Reading the thread…</p>;
    return (
      <HarvestBackPanel
        planFor={planFor}
        communities={capture.communities}
        defaultCommunity={defaultCommunity(capture, capture.communities)}
        isPrivate={chat.isPrivate === true}
        onSave={saveBack}
        onDone={() => close(true)}
        onCancel={() => close(false)}
      />
    );
  }
  return (
    <CapturePanel
      capture={capture}
      page={page}
      tagSuggestions={tagSuggestions}
      communities={capture.communities}
      similar={similar}
      onOpenNote={(n) => void sendToBackground('openNote', { id: n.id })}
      onSave={save}
      onSaved={() => void sendToBackground('captureSaved', { captureId })}
      onDone={() => close(true)}
      onCancel={() => close(false)}
    />
  );
}
