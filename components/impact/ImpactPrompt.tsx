import { useId, useState } from 'react';
import type { ImpactOutcome, MinutesSaved } from '@/lib/impact/types';
import type { ImpactAnswer, ImpactPromptView } from '@/lib/sync/impact-desk';
import { Section } from '../digest/Section';

export interface ImpactPromptActions {
  /** Queues the answer here and sends it; resolves to a line for the member (sent, or waiting to be sent). */
  answer(view: ImpactPromptView, answer: ImpactAnswer): Promise<string>;
  dismiss(view: ImpactPromptView): Promise<void>;
}

const TIME_CHOICES: { minutes: MinutesSaved; label: string }[] = [
  { minutes: 5, label: '~5 min' },
  { minutes: 30, label: '~30 min' },
  { minutes: 120, label: '~120 min' },
  { minutes: 0, label: 'No' },
];
const OUTCOMES: { outcome: ImpactOutcome; label: string }[] = [
  { outcome: 'win', label: 'A win' },
  { outcome: 'story', label: 'A story' },
];

/**
 * "Did this save you time?" about one note the member opened an hour or more ago (at most one a day). Text only:
 * the title comes from another member. Every control is a button or a labelled select; "Not now" dismisses.
 */
export function ImpactPrompt({ view, actions }: { view: ImpactPromptView; actions: ImpactPromptActions }) {
  const id = useId();
  const [minutes, setMinutes] = useState<MinutesSaved | null>(null);
  const [outcome, setOutcome] = useState<ImpactOutcome | null>(null);
  const [outcomeNoteId, setOutcomeNoteId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (done) {
    return (
      <Section title="Did it help?" className="impact">
        <p role="status">{done}</p>
      </Section>
    );
  }
  const send = async () => {
    if (minutes === null && outcome === null) return setError('Pick an answer first.');
    setBusy(true);
    try {
      setDone(await actions.answer(view, { minutesSaved: minutes, outcome, outcomeNoteId: outcomeNoteId || null }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const candidates = view.outcomeNotes.filter((n) => n.kind === outcome);
  return (
    <Section title="Did it help?" className="impact">
      <p>
        You opened “<span className="note-title">{view.title}</span>”.
      </p>
      <div role="group" aria-labelledby={`${id}-time`} className="choices">
        <span id={`${id}-time`}>Did this save you time?</span>{' '}
        {TIME_CHOICES.map((c) => (
          <button
            key={c.minutes}
            type="button"
            aria-pressed={minutes === c.minutes}
            onClick={() => setMinutes(c.minutes)}
          >
            {c.label}
          </button>
        ))}
      </div>
      <div role="group" aria-labelledby={`${id}-outcome`} className="choices">
        <span id={`${id}-outcome`}>Did it turn into a win or a story?</span>{' '}
        {OUTCOMES.map((o) => (
          <button
            key={o.outcome}
            type="button"
            aria-pressed={outcome === o.outcome}
            onClick={() => {
              setOutcome(outcome === o.outcome ? null : o.outcome);
              setOutcomeNoteId('');
            }}
          >
            {o.label}
          </button>
        ))}
        {outcome && candidates.length > 0 && (
          <label>
            Which {outcome}? (optional){' '}
            <select value={outcomeNoteId} onChange={(e) => setOutcomeNoteId(e.target.value)}>
              <option value="">None picked</option>
              {candidates.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p>
        <button type="button" className="primary" disabled={isBusy} onClick={() => void send()}>
          Send
        </button>{' '}
        <button
          type="button"
          disabled={isBusy}
          onClick={() =>
            void actions.dismiss(view).then(
              () => setDone('Okay, not this one.'),
              (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
            )
          }
        >
          Not now
        </button>
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </Section>
  );
}
