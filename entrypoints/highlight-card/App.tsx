import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendToBackground } from '@/lib/messaging/messenger';
import { type HighlightStep, type NoteCardView } from '@/lib/messaging/protocol';
import { logger } from '@/lib/log';

/** The one answer per code (asking again would find the code used up). */
const answers = new Map<string, Promise<NoteCardView | null>>();

const step = (action: HighlightStep) =>
  void sendToBackground('noteCardCommand', { action }).catch(logger('card').failed('step'));

/** Opens the note's own page (read, edit, delete, go to its source) in a tab next to this one. */
async function openNote(id: string) {
  await browser.tabs.create({ url: browser.runtime.getURL(`/note.html?id=${encodeURIComponent(id)}`) });
  step('close');
}

/**
 * The card shown over a highlight: kind, takeaway and author of its note, in an extension-origin frame so the
 * page's scripts can neither read nor restyle it. It loads by the one-time code the content script registered
 * (a page framing this card on its own has none). Community notes are untrusted: everything is rendered as text.
 */
export function App({ code, isFocused }: { code: string; isFocused: boolean }) {
  const [note, setNote] = useState<NoteCardView | null | undefined>(undefined);
  useEffect(() => {
    // The code is good once: remember the answer, never ask twice (StrictMode runs effects twice in dev).
    let isCurrent = true;
    const asked =
      answers.get(code) ??
      sendToBackground('getNoteCard', { code }).catch((e: unknown) => (logger('card').failed('getNoteCard')(e), null));
    answers.set(code, asked);
    void asked.then((v) => isCurrent && setNote(v));
    return () => {
      isCurrent = false;
    };
  }, [code]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') step('close');
      else if (e.altKey && e.shiftKey && e.code === 'KeyJ') step('next');
      else if (e.altKey && e.shiftKey && e.code === 'KeyK') step('previous');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (note === undefined) return null;
  if (note === null) return <p className="hl-card">This note is no longer available.</p>;
  const who = note.isOwn ? 'Your note' : `Community · by ${note.authorName ?? 'a member'}`;
  return (
    <article
      className={`hl-card ${note.isOwn ? 'own' : 'community'}`}
      aria-label={`${note.kind} note`}
      onClick={(e) => {
        if (!(e.target as Element).closest('button')) void openNote(note.id);
      }}
    >
      <div className="meta">
        <span className="chip">{note.kind}</span>
        <span>{who}</span>
      </div>
      <p className="text">{note.takeaway || note.quote}</p>
      <div className="actions">
        <button type="button" aria-label="Previous highlight" onClick={() => step('previous')}>
          ‹
        </button>
        <button type="button" aria-label="Next highlight" onClick={() => step('next')}>
          ›
        </button>
        <button type="button" aria-label="Close" onClick={() => step('close')}>
          ×
        </button>
        <button type="button" className="primary" autoFocus={isFocused} onClick={() => void openNote(note.id)}>
          Open note
        </button>
      </div>
    </article>
  );
}
