import { useId, useState } from 'react';
import type { PageStatus, PaintableNote } from '@/lib/messaging/protocol';
import type { MoveResult } from '@/lib/model';

interface Props {
  status: PageStatus | null;
  onOpen(id: string): void;
  onMove(ids: string[], url: string): Promise<string | null>;
}

/**
 * The current page's notes: those painted on it, and the orphans whose text is no longer there — listed with
 * their quote so nothing is silently lost — plus a way to move the page's notes when the page moved.
 */
export function ThisPageView({ status, onOpen, onMove }: Props) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  if (!status)
    return <p className="muted">Commonplace can’t see this tab (browser pages and the web store are off limits).</p>;
  const offscreen = status.offscreen ?? [];
  const all = [...status.painted, ...status.orphans, ...offscreen];
  if (all.length === 0) return <p className="muted">No notes on this page yet.</p>;
  const item = (n: PaintableNote, isOrphan: boolean) => (
    <li key={n.id}>
      <article className="note" aria-label={n.quote.slice(0, 80)}>
        <p className="quote">{n.quote}</p>
        {n.takeaway && <p style={{ margin: '0 0 4px' }}>{n.takeaway}</p>}
        <div className="meta">
          <span className="chip">{n.kind}</span> {n.authorName ?? 'You'}
          {isOrphan && ' · not found on the page as it is now'}
        </div>
        <div className="actions">
          <button type="button" onClick={() => onOpen(n.id)}>
            Open
          </button>
        </div>
      </article>
    </li>
  );
  return (
    <>
      {status.orphans.length > 0 && (
        <section aria-labelledby={`${id}-orphans`}>
          <h2 id={`${id}-orphans`} style={{ fontSize: 14, margin: '4px 0' }}>
            Orphans ({status.orphans.length})
          </h2>
          <p className="muted" style={{ margin: '0 0 6px', fontSize: 12 }}>
            The page changed and these quotes are no longer on it. They are kept here.
          </p>
          <ul className="results">{status.orphans.map((n) => item(n, true))}</ul>
        </section>
      )}
      {offscreen.length > 0 && (
        <section aria-labelledby={`${id}-offscreen`}>
          <h2 id={`${id}-offscreen`} style={{ fontSize: 14, margin: '8px 0 4px' }}>
            Not on screen ({offscreen.length})
          </h2>
          <p className="muted" style={{ margin: '0 0 6px', fontSize: 12 }}>
            Their messages are scrolled out of view; Open follows the message’s permalink.
          </p>
          <ul className="results">{offscreen.map((n) => item(n, false))}</ul>
        </section>
      )}
      {status.painted.length > 0 && (
        <section aria-labelledby={`${id}-painted`}>
          <h2 id={`${id}-painted`} style={{ fontSize: 14, margin: '8px 0 4px' }}>
            Highlighted on this page ({status.painted.length})
          </h2>
          <ul className="results">{status.painted.map((n) => item(n, false))}</ul>
        </section>
      )}
      <form
        aria-label="Move this page’s notes"
        onSubmit={async (e) => {
          e.preventDefault();
          setMessage(
            await onMove(
              all.map((n) => n.id),
              url.trim(),
            ),
          );
        }}
      >
        <label htmlFor={`${id}-url`}>Page moved? New address for its notes</label>
        <div className="row" style={{ flexWrap: 'nowrap' }}>
          <input id={`${id}-url`} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} />
          <button type="submit">Move notes</button>
        </div>
        {message && <p role="status">{message}</p>}
      </form>
    </>
  );
}

const notesWord = (n: number) => `${n} note${n === 1 ? '' : 's'}`;

/** What a page move did, in words: others' community notes stay where they are, and the user is told so. */
export function movedMessage({ moved, skipped }: MoveResult): string {
  const done = `Moved ${notesWord(moved)}.`;
  if (!skipped) return done;
  return `${done} ${notesWord(skipped)} by other members stayed: only a note’s author can move it.`;
}
