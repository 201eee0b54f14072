import type { Note, NoteKind } from '../../lib/model';
import type { SimilarNote, SimilarReason } from '../../lib/similarity';

export interface SimilarNotesProps {
  /** findSimilar(index, draft) — at most 3, best first. */
  matches: SimilarNote[];
  /** The kind being harvested: an answer may be linked to a question. */
  draftKind?: NoteKind;
  onOpen: (note: Note) => void;
  /** Save the harvest linked to this note (addToDraft) and record duplicateAvoidedEvent. */
  onAddTo: (match: SimilarNote) => void;
  /** Save the harvest as an answer to this question (answerDraft) and record duplicateAvoidedEvent. */
  onAnswer?: (match: SimilarNote) => void;
  onSaveAnyway: () => void;
}

const REASON: Record<SimilarReason, string> = {
  'same-quote': 'same quote',
  'same-thread': 'same thread',
  'same-page': 'same page',
  'similar-words': 'similar words',
};

/** "It may already exist": shown in the capture panel before saving, with who harvested what and when. */
export function SimilarNotes({ matches, draftKind, onOpen, onAddTo, onAnswer, onSaveAnyway }: SimilarNotesProps) {
  if (!matches.length) return null;
  return (
    <section aria-label="Similar notes already harvested">
      <p>Already harvested — add to it instead?</p>
      <ul>
        {matches.map((m) => {
          const text = (m.note.takeaway || m.note.quote).slice(0, 160);
          return (
            <li key={m.note.id}>
              <span>{text}</span>{' '}
              <small>
                {m.note.author?.name ?? 'you'}, {new Date(m.note.createdAt).toLocaleDateString()} ·{' '}
                {m.reasons.map((r) => REASON[r]).join(', ')}
              </small>{' '}
              <button type="button" aria-label={`Open: ${text}`} onClick={() => onOpen(m.note)}>
                Open
              </button>
              <button type="button" aria-label={`Add to it: ${text}`} onClick={() => onAddTo(m)}>
                Add to it
              </button>
              {onAnswer && draftKind === 'answer' && m.note.kind === 'question' && (
                <button type="button" aria-label={`Answer this question: ${text}`} onClick={() => onAnswer(m)}>
                  Answer this question
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={onSaveAnyway}>
        Save anyway
      </button>
    </section>
  );
}
