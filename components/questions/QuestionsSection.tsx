import { useState } from 'react';
import type { BoardLine, QuestionBoard, QuestionState, Rung } from '@/lib/questions';
import { AnswerForm } from '../digest/AnswerForm';
import type { Formatters } from '../digest/format';
import { NoteLine } from '../digest/NoteLine';
import { Section } from '../digest/Section';
import { RelayControl, type RelayView } from './RelayControl';

/** How a state reads beside a question. */
export const STATE_LABEL: Record<QuestionState, string> = {
  open: 'Open',
  nudged: 'Nudged',
  escalated: 'Escalated',
  answered: 'Answered',
  relayed: 'Relayed',
  resolved: 'Resolved',
};
const WHY: Record<Rung, string> = {
  helpers: 'you answered similar questions',
  facilitator: 'you facilitate this community',
  huddle: 'on the next huddle’s agenda',
};

/**
 * The questions the ladder brought to this member (answer them here) and the answered questions they may
 * confirm ("Did this answer it?"). Text only: titles come from other members.
 */
export function QuestionsSection({
  board,
  fmt,
  now,
  onAnswer,
  onConfirm,
  onRelay,
  onOpenAnswer,
}: {
  board: QuestionBoard;
  fmt: Formatters;
  now: number;
  onAnswer: (questionId: string, text: string) => Promise<string | null>;
  onConfirm: (line: BoardLine, isAnswered: boolean) => Promise<string | null>;
  /** "Relay answer" (absent where the page cannot reach the background). */
  onRelay?: (line: BoardLine, replaceUserDraft: boolean) => Promise<RelayView>;
  /** Opens the answer a relayed question is waiting on ("Open the answer"). */
  onOpenAnswer?: (answerId: string) => void;
}) {
  const [answering, setAnswering] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [relayedTitle, setRelayedTitle] = useState<string | null>(null);
  const toRelay = onRelay ? board.toRelay : [];
  if (!board.forMe.length && !board.toConfirm.length && !toRelay.length && !relayedTitle) return null;
  const confirm = async (line: BoardLine, isAnswered: boolean) => setError(await onConfirm(line, isAnswered));
  return (
    <Section title="Questions for you" className="questions">
      {board.forMe.length > 0 && (
        <ul aria-label="Waiting for your answer">
          {board.forMe.map((l) => (
            <NoteLine key={l.card.id} note={l.card} fmt={fmt} now={now}>
              <span className="state">
                {STATE_LABEL[l.state]}: {WHY[l.rung!]}
              </span>
              {answering === l.card.id ? (
                <AnswerForm
                  questionTitle={l.card.title}
                  onAnswer={(text) => onAnswer(l.card.id, text)}
                  onDone={() => setAnswering(null)}
                />
              ) : (
                <button type="button" onClick={() => setAnswering(l.card.id)} aria-label={`Answer: ${l.card.title}`}>
                  Answer
                </button>
              )}
            </NoteLine>
          ))}
        </ul>
      )}
      {toRelay.length > 0 && (
        <ul aria-label="Answers to relay to their thread">
          {toRelay.map((l) => (
            <NoteLine key={l.card.id} note={l.card} fmt={fmt} now={now}>
              <span className="state">{STATE_LABEL[l.state]}</span>
              <RelayControl
                title={l.card.title}
                onRelay={(replace) => onRelay!(l, replace)}
                onWritten={() => setRelayedTitle(l.card.title)}
              />
            </NoteLine>
          ))}
        </ul>
      )}
      {board.toConfirm.length > 0 && (
        <ul aria-label="Did this answer it?">
          {board.toConfirm.map((l) => (
            <NoteLine key={l.card.id} note={l.card} fmt={fmt} now={now}>
              <span className="state">{STATE_LABEL[l.state]}</span>
              {onOpenAnswer && l.state === 'relayed' && l.answerId && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onOpenAnswer(l.answerId!)}
                  aria-label={`Open the answer: ${l.card.title}`}
                >
                  Open the answer
                </button>
              )}{' '}
              <span role="group" aria-label={`Did this answer it? ${l.card.title}`}>
                <span>Did this answer it? </span>
                <button type="button" onClick={() => void confirm(l, true)}>
                  Yes
                </button>{' '}
                <button type="button" onClick={() => void confirm(l, false)}>
                  No
                </button>
              </span>
            </NoteLine>
          ))}
        </ul>
      )}
      {relayedTitle && (
        <p role="status">
          The reply to “{relayedTitle}” is in the thread’s message box, in its tab. Read it there and press send.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </Section>
  );
}
