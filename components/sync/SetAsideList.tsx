import { useId, useState } from 'react';
import type { SetAsideView } from './use-sync-status';

interface Props {
  communityName: string;
  items: SetAsideView[];
  /** Puts them back in the queue and syncs; resolves when it has tried. */
  onRetry(): Promise<void>;
}

/**
 * Changes the endpoint refused or kept failing on: kept on this device, not shared, each with the reason, and a
 * retry for when the cause is gone (the endpoint was mended, or the note was edited).
 */
export function SetAsideList({ communityName, items, onRetry }: Props) {
  const id = useId();
  const [isRetrying, setRetrying] = useState(false);
  if (items.length === 0) return null;
  const retry = async () => {
    setRetrying(true);
    try {
      await onRetry();
    } finally {
      setRetrying(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} className="set-aside">
      <h4 id={`${id}-h`} style={{ margin: '8px 0 4px' }}>
        {items.length} change{items.length === 1 ? '' : 's'} set aside, not shared
      </h4>
      <p className="muted" style={{ margin: 0 }}>
        Kept on this device; the rest of sync goes on without {items.length === 1 ? 'it' : 'them'}.
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.seq}>
            <span>
              {item.op} “{item.label}”
            </span>
            : <span className="error">{item.reason}</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={retry}
        disabled={isRetrying}
        aria-busy={isRetrying}
        aria-label={`Retry set-aside changes for ${communityName}`}
      >
        {isRetrying ? 'Retrying…' : 'Retry'}
      </button>
    </section>
  );
}
