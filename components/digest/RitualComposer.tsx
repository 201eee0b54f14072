import { useEffect, useId, useRef, useState } from 'react';
import type { RitualPost } from '@/lib/rituals';
import { FORMAT_LABELS, POST_FORMATS, renderForCopy, type PostFormat } from '@/lib/rituals/render';
import { RitualPostView } from './RitualPostView';
import { WebhookPost, type WebhookPostActions } from './WebhookPost';

/**
 * The facilitator's view of a ritual's next post: the composed preview, the text for the chosen app (editable;
 * edits are kept per app until the composer closes), Copy, and "Post via webhook" where the community has one.
 */
export function RitualComposer({
  title,
  load,
  copy,
  webhook,
  onClose,
}: {
  title: string;
  load: () => Promise<RitualPost | null>;
  copy: (text: string) => Promise<void>;
  /** The community's webhook, where this member may post through it. */
  webhook?: WebhookPostActions;
  onClose: () => void;
}) {
  const [post, setPost] = useState<RitualPost | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [format, setFormat] = useState<PostFormat>('slack');
  const [edits, setEdits] = useState<Partial<Record<PostFormat, string>>>({});
  const [status, setStatus] = useState('');
  const formatId = useId();
  const textId = useId();
  // Composed once per opening: the caller's `load` is a fresh closure on every render.
  const loadOnce = useRef(load);

  useEffect(() => {
    let isCurrent = true;
    loadOnce.current().then(
      (p) => isCurrent && setPost(p),
      (e: unknown) => isCurrent && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      isCurrent = false;
    };
  }, []);

  if (error) return <p role="alert">The post could not be composed: {error}</p>;
  if (post === undefined) return <p role="status">Composing the post for {title}…</p>;
  if (post === null) return <p role="alert">This ritual’s date cannot be read: edit its schedule.</p>;

  const value = edits[format] ?? renderForCopy(post, format);
  return (
    <div className="ritual-composer" role="group" aria-label={`Post for ${title}`}>
      <RitualPostView post={post} />
      <label htmlFor={formatId}>Format</label>
      <select id={formatId} value={format} onChange={(e) => setFormat(e.target.value as PostFormat)}>
        {POST_FORMATS.map((f) => (
          <option key={f} value={f}>
            {FORMAT_LABELS[f]}
          </option>
        ))}
      </select>
      <label htmlFor={textId}>Post text for {FORMAT_LABELS[format]}</label>
      <textarea
        id={textId}
        rows={12}
        spellCheck={false}
        value={value}
        onChange={(e) => setEdits((m) => ({ ...m, [format]: e.target.value }))}
      />
      <div className="ritual-composer-actions">
        <button
          type="button"
          onClick={() =>
            copy(value).then(
              () => setStatus('Copied. Paste it into the channel.'),
              (e: unknown) => setStatus(`Could not copy: ${e instanceof Error ? e.message : String(e)}`),
            )
          }
        >
          Copy
        </button>
        {webhook && <WebhookPost actions={webhook} day={post.day} text={value} />}
        {edits[format] !== undefined && (
          <button type="button" onClick={() => setEdits(({ [format]: _, ...rest }) => rest)}>
            Undo my edits
          </button>
        )}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" className="ritual-composer-status">
        {status}
      </p>
    </div>
  );
}
