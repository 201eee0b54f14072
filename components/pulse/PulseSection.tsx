import { useId, useState } from 'react';
import type { KnowledgeRequest } from '@/lib/pulse/knowledge-requests';
import type { AnswerInput, PollResults } from '@/lib/pulse/schema';
import type { PulseItem, PulseMatch } from '@/lib/sync/pulse-desk';
import { Section } from '../digest/Section';

export interface PulseActions {
  answer(
    item: PulseItem,
    answer: AnswerInput,
  ): Promise<{ problem: string | null; match?: PulseMatch | null; results?: PollResults }>;
  openNote(id: string): void;
}

/** The pulse polls open for this member: answer by keyboard, see the harvest's answer at once, results at k. */
export function PulseSection({ items, actions }: { items: readonly PulseItem[]; actions: PulseActions }) {
  if (items.length === 0) return null;
  return (
    <Section title="Pulse poll" className="pulse">
      {items.map((item) => (
        <PulsePoll key={`${item.communityId}:${item.poll.id}:${item.occurrence.key}`} item={item} actions={actions} />
      ))}
    </Section>
  );
}

function PulsePoll({ item, actions }: { item: PulseItem; actions: PulseActions }) {
  const id = useId();
  const { poll } = item;
  const [text, setText] = useState('');
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSending, setSending] = useState(false);
  const [match, setMatch] = useState<PulseMatch | null | undefined>(undefined);
  const [results, setResults] = useState(item.results);
  const isAnswered = item.hasAnswered || match !== undefined;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const answer: AnswerInput | null = poll.choices.length
      ? choice
        ? { choice }
        : null
      : text.trim()
        ? { text: text.trim() }
        : null;
    if (!answer) return setError(poll.choices.length ? 'Pick an answer first.' : 'Write an answer first.');
    setSending(true);
    const r = await actions.answer(item, answer);
    setSending(false);
    if (r.problem) setError(r.problem);
    else {
      setMatch(r.match ?? null);
      setResults(r.results);
    }
  };
  const privacy = poll.isAnonymous
    ? 'Anonymous: your name is never stored with your answer.'
    : 'Not anonymous: your name is shown with your answer once results are out.';
  return (
    <article className="pulse-poll" aria-labelledby={`${id}-q`}>
      <h3 id={`${id}-q`}>{poll.question}</h3>
      <p className="pulse-meta">
        {item.communityName} · {privacy}
      </p>
      {!isAnswered && (
        <form onSubmit={submit}>
          {poll.choices.length ? (
            <fieldset>
              <legend>Your answer to “{poll.question}”</legend>
              {poll.choices.map((c) => (
                <label key={c} className="pulse-choice">
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    value={c}
                    checked={choice === c}
                    onChange={() => setChoice(c)}
                  />{' '}
                  {c}
                </label>
              ))}
            </fieldset>
          ) : (
            <>
              <label htmlFor={`${id}-text`}>Your answer to “{poll.question}”</label>
              <textarea
                id={`${id}-text`}
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={2}
                maxLength={1000}
              />
            </>
          )}
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={isSending}>
            Send answer
          </button>
        </form>
      )}
      {isAnswered && (
        <p role="status">{item.hasAnswered && match === undefined ? 'You answered this one.' : 'Answer sent.'}</p>
      )}
      {match && (
        <p className="pulse-match">
          {match.phrase}:{' '}
          <button type="button" className="link" onClick={() => actions.openNote(match.noteId)}>
            {match.title}
          </button>
        </p>
      )}
      {match === null && !poll.choices.length && (
        <p>Nothing harvested answers this yet: it goes to the huddle’s knowledge requests.</p>
      )}
      {results && <Results results={results} requests={item.requests ?? []} />}
    </article>
  );
}

function Results({ results, requests }: { results: PollResults; requests: readonly KnowledgeRequest[] }) {
  if (results.isWithheld) {
    return (
      <p className="pulse-withheld">
        Results appear once {results.minAnswers} members have answered ({results.answerCount} so far).
      </p>
    );
  }
  return (
    <div className="pulse-results">
      <h4>Results ({results.answerCount} answers)</h4>
      {results.counts && (
        <ul aria-label="Results">
          {Object.entries(results.counts).map(([c, n]) => (
            <li key={c}>
              {c}: {n}
            </li>
          ))}
        </ul>
      )}
      {requests.length > 0 && (
        <>
          <h4>Knowledge requests</h4>
          <ul aria-label="Knowledge requests">
            {requests.map((r) => (
              <li key={r.summary}>
                {r.summary} ({r.people === 1 ? '1 person' : `${r.people} people`} blocked)
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
