import { useEffect, useState } from 'react';
import { CapturePanel, type CaptureSubmit, type SimilarChoice } from '@/components/CapturePanel';
import { addToDraft, answerDraft, type SimilarNote } from '@/lib/similarity';
import { extractPageContext } from '@/lib/capture/page-context';
import { draftFromCapture } from '@/lib/capture/draft';
import { sendToBackground } from '@/lib/messaging/messenger';
import { type PendingCapture } from '@/lib/messaging/protocol';
import type { PageContext } from '@/lib/model';

/** The capture panel page: loads its pending harvest from the background, saves through the background. */
export function App({ captureId }: { captureId: string }) {
  const [capture, setCapture] = useState<PendingCapture | null | undefined>(undefined);
  const [page, setPage] = useState<PageContext | null>(null);
  const [similar, setSimilar] = useState<SimilarNote[]>([]);

  useEffect(() => {
    void sendToBackground('getCapture', { captureId }).then((c) => {
      setCapture(c);
      if (!c) return;
      // Readability runs here, on a parsed copy of the page's HTML: never on the live page.
      setTimeout(() => {
        const doc = new DOMParser().parseFromString(c.html, 'text/html');
        const ctx = extractPageContext(doc, c.url);
        setPage(ctx);
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
  return (
    <CapturePanel
      capture={capture}
      page={page}
      tagSuggestions={capture.tagSuggestions}
      communities={capture.communities}
      similar={similar}
      onOpenNote={(n) => void sendToBackground('openNote', { id: n.id })}
      onSave={save}
      onDone={() => close(true)}
      onCancel={() => close(false)}
    />
  );
}
