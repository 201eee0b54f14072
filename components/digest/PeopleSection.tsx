import { useState } from 'react';
import { helpedPhrase, type Digest, type PersonToThank } from '@/lib/digest';
import type { Formatters } from './format';
import { Section } from './Section';

/** People whose harvests helped others this week, with a thank button; and thanks the user received. */
export function PeopleSection({
  people,
  fmt,
  onThank,
}: {
  people: Digest['people'];
  fmt: Formatters;
  onThank: (p: PersonToThank) => Promise<string | null>;
}) {
  const [thanked, setThanked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const thank = async (p: PersonToThank) => {
    const problem = await onThank(p);
    if (problem) setError(problem);
    else setThanked((s) => new Set(s).add(p.note.id));
  };
  return (
    <Section title="People to thank" className="people">
      {people.toThank.length === 0 ? (
        <p className="empty">No one to thank yet this week.</p>
      ) : (
        <ul>
          {people.toThank.map((p) => {
            const isDone = p.isThanked || thanked.has(p.note.id);
            const who = p.person.name || 'Someone';
            return (
              <li key={p.person.id} className="person">
                <span className="person-name">{who}</span>
                <span className="note-meta">
                  {helpedPhrase(p.thanks, p.opens, fmt.count)}: “{p.note.title}”
                </span>
                <button
                  type="button"
                  onClick={() => void thank(p)}
                  disabled={isDone}
                  aria-pressed={isDone}
                  aria-label={`Thank ${who} for “${p.note.title}”`}
                >
                  {isDone ? 'Thanked' : 'Thank'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {people.received.length > 0 && (
        <>
          <h3>Thanks you received</h3>
          <ul>
            {people.received.map((r) => (
              <li key={`${r.note.id}:${r.from}:${r.at}`} className="received">
                Thanks, {r.from || 'a member'} — for “{r.note.title}”
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
