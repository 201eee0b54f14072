import { useId, useState } from 'react';
import type { RelayView } from '@/lib/messaging/relay-answer';

export type { RelayView };

const WHY: Record<Extract<RelayView, { kind: 'not-written' }>['reason'], string> = {
  'no-composer': 'No message box was found in that thread.',
  'closed-composer': 'The thread’s message box is closed and did not open when asked.',
  unreachable: 'The thread’s page did not answer (it may not have loaded).',
  refused: 'The thread’s message box did not take the text.',
};

/**
 * "Relay answer": writes the answer into the chat thread the question was asked in (the other tab); the
 * human reads it there and presses send. Says what happened every time: written, a draft of the user's own
 * in the way (asks first), or the reply handed over by clipboard.
 */
export function RelayControl({
  title,
  onRelay,
  onWritten,
}: {
  title: string;
  onRelay: (replaceUserDraft: boolean) => Promise<RelayView>;
  /** The line leaves the list once relayed: the section says it was written. */
  onWritten: () => void;
}) {
  const id = useId();
  const [view, setView] = useState<RelayView | null>(null);
  const [isBusy, setBusy] = useState(false);
  const relay = async (replace: boolean) => {
    setBusy(true);
    const view = await onRelay(replace);
    setBusy(false);
    setView(view);
    if (view.kind === 'written') onWritten();
  };
  return (
    <span className="relay">
      <button type="button" onClick={() => void relay(false)} disabled={isBusy} aria-label={`Relay answer: ${title}`}>
        Relay answer
      </button>
      {view?.kind === 'user-draft' && (
        <span role="group" aria-label={`Replace your draft? ${title}`}>
          <span>The thread’s message box holds words you wrote: “{view.holds}”. Replace them with the answer? </span>
          <button type="button" onClick={() => void relay(true)} disabled={isBusy}>
            Replace my draft
          </button>{' '}
          <button type="button" onClick={() => setView({ kind: 'kept' })}>
            Keep my draft
          </button>
        </span>
      )}
      {view?.kind === 'kept' && <p role="status">Your draft was kept; nothing was written.</p>}
      {view?.kind === 'not-written' && (
        <>
          <p role={view.isCopied ? 'status' : 'alert'}>
            {WHY[view.reason]}{' '}
            {view.isCopied
              ? 'The reply was copied to the clipboard: paste it into the thread.'
              : 'Copy the reply from here:'}
          </p>
          <label htmlFor={id}>Drafted reply</label>
          <textarea id={id} readOnly value={view.draft} rows={4} />
        </>
      )}
      {view?.kind === 'error' && (
        <p role="alert" className="error">
          {view.message}
        </p>
      )}
    </span>
  );
}
