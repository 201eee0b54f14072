import { useId, useState } from 'react';
import type { HelperView } from '@/lib/expertise/panel';

/** Where a note opens: the extension's note page (relative to the extension page that shows the link). */
export const noteHref = (noteId: string) => `note.html?id=${encodeURIComponent(noteId)}`;

/**
 * "Who might know" under an open question: a disclosure that asks for two or three suggested members when
 * opened (so an opt-out synced since the page opened is honoured), each with the evidence as links to the notes.
 * Names and places come from other members: rendered as text only.
 */
export function WhoMightKnow({ questionTitle, load }: { questionTitle: string; load: () => Promise<HelperView[]> }) {
  const id = useId();
  const [isOpen, setOpen] = useState(false);
  const [helpers, setHelpers] = useState<HelperView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = () => {
    const next = !isOpen;
    setOpen(next);
    if (!next) return;
    setHelpers(null);
    setProblem(null);
    load().then(setHelpers, (e: unknown) =>
      setProblem(`Suggestions unavailable: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  return (
    <div className="who-might-know">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        aria-label={`Who might know: ${questionTitle}`}
        onClick={toggle}
      >
        Who might know
      </button>
      {isOpen && (
        <div id={id} role="region" aria-label={`Who might know: ${questionTitle}`}>
          {problem ? (
            <p role="alert" className="error">
              {problem}
            </p>
          ) : helpers === null ? (
            <p role="status">Looking…</p>
          ) : helpers.length === 0 ? (
            <p className="empty">Nobody’s harvested help fits this question yet.</p>
          ) : (
            <ul aria-label="Suggested members">
              {helpers.map((h) => (
                <li key={h.memberId} aria-label={h.name}>
                  <span className="helper-name">{h.name}</span>
                  {h.isRising && <span className="chip"> rising helper</span>}
                  <ul>
                    {h.reasons.map((r) => (
                      <li key={r.text}>
                        <a href={noteHref(r.noteIds[0]!)} target="_blank" rel="noopener noreferrer">
                          {r.text}
                        </a>
                        {r.noteIds.slice(1).map((n, i) => (
                          <a
                            key={n}
                            href={noteHref(n)}
                            target="_blank"
                            rel="noopener noreferrer"
                            aria-label={`${r.text}, note ${i + 2}`}
                          >
                            {' '}
                            [{i + 2}]
                          </a>
                        ))}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
