import { useState } from 'react';
import { waitingFor, waitingSummary, type Digest } from '@/lib/digest';
import type { QuestionState } from '@/lib/questions';
import { STATE_LABEL } from '../questions/QuestionsSection';
import type { HelperView } from '@/lib/expertise/panel';
import { WhoMightKnow } from '../expertise/WhoMightKnow';
import { AnswerForm } from './AnswerForm';
import type { Formatters } from './format';
import { NoteLine } from './NoteLine';
import { Section } from './Section';

/** Open questions, oldest first, each one click from an answer. */
export function UnansweredSection({
  unanswered,
  fmt,
  now,
  onAnswer,
  states,
  whoMightKnow,
}: {
  unanswered: Digest['unanswered'];
  fmt: Formatters;
  now: number;
  onAnswer: (questionId: string, text: string) => Promise<string | null>;
  /** Each question's state (lib/questions), when known. */
  states?: Readonly<Record<string, QuestionState>>;
  /** Two or three members who might know (lib/expertise), computed when the disclosure opens. */
  whoMightKnow?: (questionId: string) => Promise<HelperView[]>;
}) {
  const [answering, setAnswering] = useState<string | null>(null);
  return (
    <Section title="Unanswered questions" className="unanswered">
      {unanswered.total === 0 ? (
        <p className="empty">No open questions.</p>
      ) : (
        <>
          <p className="summary">{waitingSummary(unanswered.total, fmt.count)}</p>
          <ul>
            {unanswered.questions.map((q) => (
              <NoteLine key={q.id} note={q} fmt={fmt} now={now}>
                <span className="age">{waitingFor(q.ageDays, fmt.count)}</span>
                {states?.[q.id] && <span className="state">{STATE_LABEL[states[q.id]!]}</span>}
                {answering === q.id ? (
                  <AnswerForm
                    questionTitle={q.title}
                    onAnswer={(text) => onAnswer(q.id, text)}
                    onDone={() => setAnswering(null)}
                  />
                ) : (
                  <button type="button" onClick={() => setAnswering(q.id)} aria-label={`Answer: ${q.title}`}>
                    Answer
                  </button>
                )}
                {whoMightKnow && <WhoMightKnow questionTitle={q.title} load={() => whoMightKnow(q.id)} />}
              </NoteLine>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
