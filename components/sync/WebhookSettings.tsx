import { useEffect, useId, useState } from 'react';
import type { Result } from '@/lib/model';
import { WEBHOOK_PLATFORMS, type WebhookInfoView } from '@/lib/sync/protocol';
import type { WebhookPlatform } from '@/lib/sync/ritual-webhook';

const PLATFORM_LABELS: Record<WebhookPlatform, string> = {
  slack: 'Slack',
  teams: 'Microsoft Teams',
  discord: 'Discord',
  mattermost: 'Mattermost',
};

export interface WebhookSettingsActions {
  /** null: not an admin here (the section is not shown). */
  load(): Promise<Result<WebhookInfoView | null>>;
  save(platform: WebhookPlatform, url: string): Promise<Result<WebhookInfoView>>;
  remove(): Promise<Result<void>>;
}

/**
 * An admin's ritual webhook for one community. The address is write-only: the page says "Configured" or
 * "Not set" and offers to replace or remove it, never shows it (the endpoint does not return it).
 */
export function WebhookSettings({
  communityName,
  actions,
}: {
  communityName: string;
  actions: WebhookSettingsActions;
}) {
  const [info, setInfo] = useState<WebhookInfoView | null | undefined>(undefined);
  const [platform, setPlatform] = useState<WebhookPlatform>('slack');
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const id = useId();

  useEffect(() => {
    let isCurrent = true;
    void actions.load().then((r) => {
      if (!isCurrent) return;
      if (r.ok) {
        setInfo(r.value);
        if (r.value?.platform) setPlatform(r.value.platform);
      } else setMessage({ isError: true, text: r.error });
    });
    return () => {
      isCurrent = false;
    };
  }, [actions]);

  if (info === null) return null;
  if (info === undefined) return message ? <p role="alert">{message.text}</p> : null;

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await actions.save(platform, url.trim());
    if (r.ok) {
      setInfo(r.value);
      setUrl('');
      setMessage({ isError: false, text: `Webhook saved for ${PLATFORM_LABELS[platform]}.` });
    } else setMessage({ isError: true, text: r.error });
  };
  const remove = async () => {
    const r = await actions.remove();
    if (r.ok) {
      setInfo({ isConfigured: false });
      setMessage({ isError: false, text: 'Webhook removed: nothing will be posted to the channel.' });
    } else setMessage({ isError: true, text: r.error });
  };

  return (
    <section className="webhook-settings" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Ritual webhook for {communityName}</h4>
      <p role="status" aria-label={`Webhook status for ${communityName}`}>
        {info.isConfigured
          ? `Configured (${PLATFORM_LABELS[info.platform ?? 'slack']}). The address is kept secret and not shown.`
          : 'Not set.'}
      </p>
      <form onSubmit={save}>
        <label htmlFor={`${id}-p`}>Chat app</label>
        <select id={`${id}-p`} value={platform} onChange={(e) => setPlatform(e.target.value as WebhookPlatform)}>
          {WEBHOOK_PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-u`}>{info.isConfigured ? 'New webhook address' : 'Webhook address'}</label>
        <input
          id={`${id}-u`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit">{info.isConfigured ? 'Replace webhook' : 'Save webhook'}</button>
        {info.isConfigured && (
          <button type="button" className="danger" onClick={remove}>
            Remove webhook
          </button>
        )}
      </form>
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
