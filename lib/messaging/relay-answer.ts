import { logger } from '../log';
import { sendToBackground } from './messenger';

const log = logger('relay');

/** What a relay came to, as the page that asked shows it (RelayControl says it in words). */
export type RelayView =
  | { kind: 'written' }
  /** The composer holds the user's own unsent words: nothing was changed; ask before replacing them. */
  | { kind: 'user-draft'; holds: string }
  /** The draft did not go into a composer; it went to the clipboard (`isCopied`) or waits here to be copied. */
  | {
      kind: 'not-written';
      reason: 'no-composer' | 'closed-composer' | 'unreachable' | 'refused';
      draft: string;
      isCopied: boolean;
    }
  /** The user chose to keep their own draft: nothing was written. */
  | { kind: 'kept' }
  | { kind: 'error'; message: string };

/**
 * "Relay answer" from an extension page (the new tab's list, the popup's card): the background finds or opens
 * the thread and writes the draft into its composer. When nothing took it, this page (which has the focus
 * then) puts the draft on the clipboard, and the view says which happened.
 */
export async function relayAnswer(req: {
  questionId: string;
  answerId: string;
  replaceUserDraft: boolean;
  from: 'popup' | 'newtab';
}): Promise<RelayView> {
  const r = await sendToBackground('relayAnswer', req);
  if (!r.ok) return { kind: 'error', message: r.error };
  const { draft, result } = r.value;
  if (result.status === 'written') return { kind: 'written' };
  if (result.status === 'user-draft') return { kind: 'user-draft', holds: result.holds };
  const isCopied = await navigator.clipboard.writeText(draft).then(
    () => true,
    (e: unknown) => {
      log.info('the clipboard refused the draft', e);
      return false;
    },
  );
  return { kind: 'not-written', reason: result.status, draft, isCopied };
}
