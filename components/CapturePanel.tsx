import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { NOTE_KINDS, type Note, type NoteKind, type PageContext, type Result } from '@/lib/model';
import type { SimilarNote } from '@/lib/similarity';
import { SimilarNotes } from './knowledge/SimilarNotes';
import { defaultCommunity, defaultKind, parseTags, type CaptureInput } from '@/lib/capture/draft';
import type { CaptureRequest } from '@/lib/messaging/protocol';
import { ShareWith } from './ShareWith';

export type CaptureSubmit = CaptureInput;
/** Saving as part of an existing note: "add to it" (a linked me-too) or "answers this question". */
export type SimilarChoice = { as: 'add' | 'answer'; match: SimilarNote };

interface Props {
  capture: CaptureRequest;
  page: PageContext | null;
  /** null while the background is still counting tags (a new service worker): the panel says so. */
  tagSuggestions: string[] | null;
  /** Communities the note may be shared with. */
  communities?: { id: string; name: string }[];
  /** Existing notes like this harvest, shown before saving. */
  similar?: SimilarNote[];
  onOpenNote?(note: Note): void;
  onSave(input: CaptureSubmit, choice?: SimilarChoice): Promise<Result<unknown>>;
  /** The save is confirmed: the page may paint the new highlight while "Harvested" stays on screen. */
  onSaved?(): void;
  onDone(): void;
  onCancel(): void;
}

/** The compact capture panel: quote, takeaway, kind, tags. Enter saves, Shift+Enter breaks a line, Escape cancels. */
export function CapturePanel({
  capture,
  page,
  tagSuggestions,
  communities = [],
  similar = [],
  onOpenNote,
  onSave,
  onSaved,
  onDone,
  onCancel,
}: Props) {
  const ids = { takeaway: useId(), kind: useId(), tags: useId(), quote: useId() };
  const [share, setShare] = useState<string>(defaultCommunity(capture, communities) ?? '');
  const [takeaway, setTakeaway] = useState('');
  const [kind, setKind] = useState<NoteKind>(defaultKind(capture.mode));
  const [tagText, setTagText] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'saving' | 'saved' } | { status: 'error'; message: string }>({
    status: 'idle',
  });

  const tags = parseTags(tagText);
  const partial = /[^,\s]$/.test(tagText) ? (tagText.split(/[,\s]+/).pop() ?? '').toLowerCase() : '';
  const suggestions = useMemo(
    () => (tagSuggestions ?? []).filter((t) => !tags.includes(t) && (!partial || t.startsWith(partial))).slice(0, 8),
    [tagSuggestions, tags, partial],
  );

  const quote =
    capture.mode === 'link'
      ? `${capture.linkText ?? ''} ${capture.linkUrl ?? ''}`.trim()
      : capture.mode === 'page'
        ? (page?.excerpt ?? page?.title ?? 'Reading the page…')
        : capture.quote;

  async function submit(e?: FormEvent, choice?: SimilarChoice) {
    e?.preventDefault();
    if (state.status === 'saving' || state.status === 'saved') return;
    setState({ status: 'saving' });
    const result = await onSave({ kind, takeaway: takeaway.trim(), tags, communityId: share || null }, choice);
    if (!result.ok) return setState({ status: 'error', message: result.error });
    setState({ status: 'saved' });
    onSaved?.();
    setTimeout(onDone, 900);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Enter' && !e.shiftKey && !(e.target instanceof HTMLButtonElement)) {
      e.preventDefault();
      void submit();
    }
  }

  function addTag(tag: string) {
    const base = partial ? tagText.slice(0, tagText.length - partial.length) : tagText.replace(/[,\s]*$/, ', ');
    setTagText(`${base === ', ' ? '' : base}${tag}, `);
  }

  if (state.status === 'saved') {
    return (
      <div className="capture pad" role="status" onKeyDown={onKeyDown}>
        <strong>Harvested</strong> <span className="muted">— saved to your commons.</span>
      </div>
    );
  }

  return (
    <form className="capture pad" aria-label="Harvest to community" onSubmit={submit} onKeyDown={onKeyDown}>
      <div className="muted" id={ids.quote}>
        {{ link: 'Link', page: 'Page', thread: 'Thread', selection: 'Quote' }[capture.mode]} from{' '}
        {page?.siteName ?? safeHost(capture.url)}
      </div>
      <blockquote aria-labelledby={ids.quote}>{quote}</blockquote>
      {capture.chat && <ChatSummary chat={capture.chat} />}
      {capture.chat && capture.chatMissing?.length ? <ChatDrift missing={capture.chatMissing} /> : null}

      <label htmlFor={ids.takeaway}>Takeaway</label>
      <textarea
        id={ids.takeaway}
        rows={3}
        autoFocus
        value={takeaway}
        placeholder="Why does this matter to the community?"
        onChange={(e) => setTakeaway(e.target.value)}
      />

      <div className="row" style={{ alignItems: 'flex-start' }}>
        <div style={{ flex: '0 0 120px' }}>
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
            {NOTE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div style={{ flex: 1 }}>
          <label htmlFor={ids.tags}>Tags</label>
          <input
            id={ids.tags}
            value={tagText}
            placeholder="react, hooks"
            autoComplete="off"
            onChange={(e) => setTagText(e.target.value)}
          />
        </div>
      </div>
      {tagSuggestions === null && (
        <p className="muted" aria-live="polite" style={{ marginTop: 6 }}>
          Loading tag suggestions…
        </p>
      )}
      {suggestions.length > 0 && (
        <div className="row" role="group" aria-label="Suggested tags" style={{ marginTop: 6 }}>
          {suggestions.map((t) => (
            <button key={t} type="button" className="chip" onClick={() => addTag(t)} aria-label={`Add tag ${t}`}>
              #{t}
            </button>
          ))}
        </div>
      )}

      {communities.length > 0 && <ShareWith communities={communities} value={share} onChange={setShare} />}
      {similar.length > 0 && (
        <SimilarNotes
          matches={similar}
          draftKind={kind}
          onOpen={(n) => onOpenNote?.(n)}
          onAddTo={(match) => void submit(undefined, { as: 'add', match })}
          onAnswer={(match) => void submit(undefined, { as: 'answer', match })}
          onSaveAnyway={() => void submit()}
        />
      )}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}
        </p>
      )}
      <div className="row" style={{ justifyContent: 'flex-end', marginTop: 12 }}>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={state.status === 'saving'}>
          Save
        </button>
      </div>
    </form>
  );
}

/** Who said it and where; how much of a thread was loaded; whether the conversation was private. */
function ChatSummary({ chat }: { chat: NonNullable<CaptureRequest['chat']> }) {
  const authors = [...new Set(chat.messages.map((m) => m.author).filter(Boolean))];
  return (
    <p className="muted" style={{ margin: '6px 0 0', fontSize: 12 }} aria-label="Chat context">
      {chat.isThread ? `Thread of ${chat.loadedCount ?? chat.messages.length} messages (as loaded)` : 'Chat'} on{' '}
      {chat.platform}
      {chat.channel ? ` · ${chat.channel}` : ''}
      {authors.length > 0 ? ` · by ${authors.slice(0, 5).join(', ')}${authors.length > 5 ? '…' : ''}` : ''}
      {chat.isPrivate && (
        <>
          <br />
          <strong>Private conversation</strong>: this note stays personal unless you choose to share it.
        </>
      )}
    </p>
  );
}

const FIELD_NAMES: Record<NonNullable<CaptureRequest['chatMissing']>[number], string> = {
  id: 'message id',
  author: 'author',
  timestamp: 'time',
  permalink: 'link to the message',
  text: 'text',
  channel: 'channel',
};

/** The app's markup changed under its adapter: say which fields were not read; the note saves without them. */
function ChatDrift({ missing }: { missing: NonNullable<CaptureRequest['chatMissing']> }) {
  return (
    <p role="status" aria-label="Chat fields not read" className="muted" style={{ margin: '6px 0 0', fontSize: 12 }}>
      Could not read the {missing.map((f) => FIELD_NAMES[f]).join(', ')} from this page (its layout may have changed).
      The note saves with what was read; <code>npm run chat:inspect</code> on a saved copy of the page shows the
      details.
    </p>
  );
}

function safeHost(url: string) {
  try {
    return new URL(url).hostname;
  } catch {
    return 'this page';
  }
}
