import { useEffect, useRef, useState } from 'react';
import type { Result } from '@/lib/model';
import type { RitualPosted, WebhookDelivery, WebhookInfoView } from '@/lib/sync/protocol';
import { describeDelivery } from '@/lib/sync/ritual-webhook';

/** A community's ritual webhook as the composer uses it (facilitators and admins). */
export interface WebhookPostActions {
  /** null: this member's role does not reach the webhook. */
  load(): Promise<Result<WebhookInfoView | null>>;
  post(day: string, text: string): Promise<Result<RitualPosted>>;
  delivery(deliveryKey: string): Promise<Result<WebhookDelivery | null>>;
}

/**
 * "Post via webhook" beside Copy: shown only when a webhook is configured and the member may post. It sends the
 * text as previewed and edited; the endpoint posts one occurrence at most once, so a second click only reports.
 */
export function WebhookPost({ actions, day, text }: { actions: WebhookPostActions; day: string; text: string }) {
  const [info, setInfo] = useState<WebhookInfoView | null>(null);
  const [status, setStatus] = useState('');
  const [isBusy, setBusy] = useState(false);
  // Asked once per opening: the caller's actions are a fresh object on every render.
  const loadOnce = useRef(actions.load);

  useEffect(() => {
    let isCurrent = true;
    void loadOnce.current().then((r) => isCurrent && r.ok && setInfo(r.value));
    return () => {
      isCurrent = false;
    };
  }, []);
  if (!info?.isConfigured) return null;

  const post = async () => {
    setBusy(true);
    const r = await actions.post(day, text);
    if (!r.ok) setStatus(r.error);
    else {
      const d = await actions.delivery(r.value.deliveryKey);
      const now = d.ok && d.value ? d.value : r.value;
      setStatus(
        r.value.isNew ? describeDelivery(now) : `Already sent for this day, not posted again. ${describeDelivery(now)}`,
      );
    }
    setBusy(false);
  };
  return (
    <>
      <button type="button" onClick={post} disabled={isBusy}>
        Post via webhook
      </button>
      <span role="status" aria-label="Webhook delivery">
        {status}
      </span>
    </>
  );
}
