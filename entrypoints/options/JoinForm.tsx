import { useId, useState } from 'react';
import { parseInviteLink } from '@/lib/sync/protocol';
import { account, syncNow } from './account';

interface Props {
  endpoint: string;
  displayName: string;
}

/** Join with an invite link (it carries the endpoint) or a bare code plus the endpoint URL. */
export function JoinForm({ endpoint: savedEndpoint, displayName: savedName }: Props) {
  const id = useId();
  const [endpoint, setEndpoint] = useState(savedEndpoint);
  const [invite, setInvite] = useState('');
  const [name, setName] = useState(savedName);
  const [message, setMessage] = useState<{ isError: boolean; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const linkEndpoint = parseInviteLink(invite)?.endpoint;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const joined = await account.join({ endpoint, invite, displayName: name });
    setBusy(false);
    if (!joined.ok) return setMessage({ isError: true, text: joined.error });
    setInvite('');
    setMessage({ isError: false, text: `Joined ${joined.value.communityName}. Syncing…` });
    await syncNow();
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-h`} className="card">
      <h3 id={`${id}-h`}>Join a community</h3>
      <p>
        <label htmlFor={`${id}-invite`}>Invite link or code</label>
        <input
          id={`${id}-invite`}
          value={invite}
          onChange={(e) => setInvite(e.target.value)}
          required
          size={60}
          autoComplete="off"
        />
      </p>
      <p>
        <label htmlFor={`${id}-endpoint`}>Endpoint URL</label>
        <input
          id={`${id}-endpoint`}
          type="url"
          value={linkEndpoint ?? endpoint}
          onChange={(e) => setEndpoint(e.target.value)}
          disabled={linkEndpoint !== undefined}
          aria-describedby={`${id}-endpoint-help`}
          placeholder="https://commonplace.example.org"
          size={60}
        />
        <small id={`${id}-endpoint-help`} className="muted">
          An invite link already names its endpoint; a bare code needs it here.
        </small>
      </p>
      <p>
        <label htmlFor={`${id}-name`}>Display name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      </p>
      <button type="submit" disabled={isBusy}>
        {isBusy ? 'Joining…' : 'Join'}
      </button>
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
