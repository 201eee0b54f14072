import { useEffect, useState } from 'react';
import { CapturePanel, type CaptureSubmit } from '@/components/CapturePanel';
import { extractPageContext } from '@/lib/capture/page-context';
import { draftFromCapture } from '@/lib/capture/draft';
import { sendMessage, type PendingCapture } from '@/lib/messaging/protocol';
import type { PageContext } from '@/lib/model';

/** The capture panel page: loads its pending harvest from the background, saves through the background. */
export function App({ captureId }: { captureId: string }) {
  const [capture, setCapture] = useState<PendingCapture | null | undefined>(undefined);
  const [page, setPage] = useState<PageContext | null>(null);

  useEffect(() => {
    void sendMessage('getCapture', { captureId }).then((c) => {
      setCapture(c);
      if (!c) return;
      // Readability runs here, on a parsed copy of the page's HTML: never on the live page.
      setTimeout(() => {
        const doc = new DOMParser().parseFromString(c.html, 'text/html');
        setPage(extractPageContext(doc, c.url));
      }, 0);
    });
  }, [captureId]);

  const close = (isSaved: boolean) => void sendMessage('closeCapture', { captureId, isSaved });

  const save = async (input: CaptureSubmit) => {
    if (!capture || !page) return { ok: false as const, error: 'Still reading the page…' };
    return sendMessage('createNote', draftFromCapture(capture, page, input));
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
      onSave={save}
      onDone={() => close(true)}
      onCancel={() => close(false)}
    />
  );
}
