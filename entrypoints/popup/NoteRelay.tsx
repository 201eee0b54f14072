import { RelayControl } from '@/components/questions/RelayControl';
import { relayAnswer } from '@/lib/messaging/relay-answer';

/**
 * "Relay answer" on a question's card: the same control and words as the new tab's list. Once written, the
 * thread's tab comes to the front (which closes the popup); until then, and for anything else, the card says
 * in words what happened.
 */
export function NoteRelay({
  questionId,
  title,
  answerId,
  isWritten,
  onWritten,
}: {
  questionId: string;
  title: string;
  answerId: string | undefined;
  isWritten: boolean;
  onWritten(questionId: string): void;
}) {
  if (isWritten) {
    return (
      <p role="status" className="relay-written">
        The reply to “{title}” is in the thread’s message box. Read it there and press send.
      </p>
    );
  }
  if (!answerId) return null;
  return (
    <RelayControl
      title={title}
      onRelay={(replaceUserDraft) => relayAnswer({ questionId, answerId, replaceUserDraft, from: 'popup' })}
      onWritten={() => onWritten(questionId)}
    />
  );
}
