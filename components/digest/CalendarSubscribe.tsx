import { useEffect, useId, useRef, useState } from 'react';
import type { Result } from '@/lib/model';
import type { CalendarFeedCreated } from '@/lib/sync/protocol';
import type { CalendarFeedState } from '@/lib/sync/calendar-feed';

/** What the panel can ask for one community's calendar feed (bound to it by the caller). */
export interface CalendarFeedActions {
  load(): Promise<Result<CalendarFeedState>>;
  /** A new address; any earlier one stops working. */
  subscribe(): Promise<Result<CalendarFeedCreated>>;
  revoke(): Promise<Result<void>>;
  copy(text: string): Promise<void>;
}

/**
 * "Subscribe in your calendar": the community's rituals as a calendar feed at a secret address the member copies
 * into their calendar app (or opens as webcal://). "Rotate link" gives a new address and kills the old one, for
 * a link that was shared by mistake; "Turn off link" revokes it.
 */
export function CalendarSubscribe({ communityName, feed }: { communityName: string; feed: CalendarFeedActions }) {
  const [isOpen, setIsOpen] = useState(false);
  const [state, setState] = useState<CalendarFeedState | undefined>(undefined);
  const [status, setStatus] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const urlId = useId();
  // The caller binds a fresh object on each render (the schedule may have changed): act on the latest.
  const feedOnce = useRef(feed);
  useEffect(() => {
    feedOnce.current = feed;
  });

  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    feedOnce.current.load().then((r) => {
      if (!isCurrent) return;
      if (r.ok) setState(r.value);
      else setStatus(r.error);
    });
    return () => {
      isCurrent = false;
    };
  }, [isOpen]);

  const act = async (run: () => Promise<string>) => {
    setIsBusy(true);
    try {
      setStatus(await run());
    } finally {
      setIsBusy(false);
    }
  };
  const makeLink = (wasActive: boolean) =>
    act(async () => {
      const r = await feedOnce.current.subscribe();
      if (!r.ok) return r.error;
      setState({ kind: 'active', feed: r.value });
      return wasActive
        ? 'New link made. The old one no longer works: put this one in your calendar app.'
        : 'Link made. Copy it into your calendar app, or open it there.';
    });

  return (
    <div className="calendar-subscribe">
      <button
        type="button"
        aria-expanded={isOpen}
        aria-label={`Subscribe to the rituals of ${communityName} in your calendar`}
        onClick={() => {
          setStatus('');
          setState(undefined);
          setIsOpen((o) => !o);
        }}
      >
        Subscribe in your calendar
      </button>
      {isOpen && (
        <div role="group" aria-label={`Calendar link for ${communityName}`}>
          {state === undefined && !status && <p>Checking your calendar link…</p>}
          {state?.kind === 'none' && (
            <>
              <p>
                Your calendar app can show these rituals and keep them up to date. The link is yours: keep it private.
              </p>
              <button type="button" disabled={isBusy} onClick={() => makeLink(false)}>
                Make a calendar link
              </button>
            </>
          )}
          {state?.kind === 'elsewhere' && (
            <>
              <p>You made a link on another device; it is shown only once. Rotate it to get one here.</p>
              <button type="button" disabled={isBusy} onClick={() => makeLink(true)}>
                Rotate link
              </button>
            </>
          )}
          {state?.kind === 'active' && (
            <>
              <label htmlFor={urlId}>Calendar address</label>
              <input id={urlId} readOnly value={state.feed.url} onFocus={(e) => e.currentTarget.select()} />
              <button
                type="button"
                onClick={() =>
                  act(async () => {
                    await feedOnce.current.copy(state.feed.url);
                    return 'Copied. Add it in your calendar app as a subscription (from URL).';
                  })
                }
              >
                Copy link
              </button>{' '}
              <a href={state.feed.webcalUrl}>Open in your calendar app</a>{' '}
              <button type="button" disabled={isBusy} onClick={() => makeLink(true)}>
                Rotate link
              </button>{' '}
              <button
                type="button"
                disabled={isBusy}
                onClick={() =>
                  act(async () => {
                    const r = await feedOnce.current.revoke();
                    if (!r.ok) return r.error;
                    setState({ kind: 'none' });
                    return 'Link turned off. Calendars subscribed to it stop updating.';
                  })
                }
              >
                Turn off link
              </button>
            </>
          )}
          <p role="status">{status}</p>
        </div>
      )}
    </div>
  );
}
