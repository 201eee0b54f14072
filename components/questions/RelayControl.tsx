import { useId, useState } from 'react';

/** What a relay came to, as the new tab shows it (the page maps the background's answer to this). */
export type RelayView =
  | { kind: 'written' }
  /** The composer holds the user's own unsent words: nothing was changed; ask before replacing them. */
  | { kind: 'user-draft'; holds: string }
  /** The draft did not go into a composer; it went to the clipboard (`isCopied`) or waits here to be copied. */
  | { kind: 'not-written'; reason: 'no-composer' | 'unreachable' | 'refused'; draft: string; isCopied: boolean }
  /** The user chose to keep their own draft: nothing was written. */
  | { kind: 'kept' }
  | { kind: 'error'; message: string };

const WHY: Record<Extract<RelayView, { kind: 'not-written' }>['reason'], string> = {
  'no-composer': 'No message box was found in that thread.',
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
