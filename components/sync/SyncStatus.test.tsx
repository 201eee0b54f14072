// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { SetAsideList } from './SetAsideList';
import { SyncStatus, formatAgo } from './SyncStatus';
import { ThankButton } from './ThankButton';
import type { CommunitySyncView } from './use-sync-status';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const community = (over: Partial<CommunitySyncView> = {}): CommunitySyncView => ({
  communityId: 'c1',
  memberId: 'm1',
  communityName: 'Makers',
  isEnabled: true,
  pending: 0,
  setAside: [],
  lastSyncAt: Date.now() - 5 * 60_000,
  lastError: null,
  notBefore: 0,
  ...over,
});

async function render(node: React.ReactNode) {
  const host = document.createElement('div');
  document.body.append(host);
  await act(async () => createRoot(host).render(node));
  return host;
}

describe('SyncStatus', () => {
  it('shows last sync and pending changes, and syncs on demand', async () => {
    let calls = 0;
    const host = await render(
      <SyncStatus communities={[community({ pending: 2 })]} isOnline onSyncNow={async () => void calls++} />,
    );
    expect(host.querySelector('[role=status]')?.textContent).toBe('Synced 5 min ago · 2 changes waiting');
    const button = host.querySelector('button')!;
    expect(button.textContent).toBe('Sync now');
    await act(async () => button.click());
    expect(calls).toBe(1);
  });

  it('says why it is not syncing: offline, or the error with its reason', async () => {
    const offline = await render(
      <SyncStatus communities={[community()]} isOnline={false} onSyncNow={async () => {}} />,
    );
    expect(offline.textContent).toContain('Offline');
    expect(offline.querySelector('button')!.disabled).toBe(true);
    const failing = await render(
      <SyncStatus
        communities={[community({ lastError: 'The endpoint is busy' })]}
        isOnline
        onSyncNow={async () => {}}
      />,
    );
    expect(failing.querySelector('.error')?.textContent).toBe('Makers: The endpoint is busy');
  });

  it('counts set-aside changes apart from waiting ones, and lists each with its reason and a retry', async () => {
    const item = { seq: 7, op: 'create', label: 'Keys must be stable', reason: 'Refused by the endpoint: bad prefix' };
    const status = await render(
      <SyncStatus communities={[community({ pending: 1, setAside: [item] })]} isOnline onSyncNow={async () => {}} />,
    );
    expect(status.querySelector('[role=status]')?.textContent).toBe(
      'Synced 5 min ago · 1 change waiting · 1 set aside, not shared (see Options)',
    );
    let retries = 0;
    const list = await render(
      <SetAsideList communityName="Makers" items={[item]} onRetry={async () => void retries++} />,
    );
    const section = list.querySelector('section')!;
    const heading = document.getElementById(section.getAttribute('aria-labelledby')!);
    expect(heading?.textContent).toBe('1 change set aside, not shared');
    expect(list.querySelector('li')?.textContent).toBe(
      'create “Keys must be stable”: Refused by the endpoint: bad prefix',
    );
    const button = list.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Retry set-aside changes for Makers');
    await act(async () => button.click());
    expect(retries).toBe(1);
    expect((await render(<SetAsideList communityName="Makers" items={[]} onRetry={async () => {}} />)).innerHTML).toBe(
      '',
    );
  });

  it('renders nothing before any community is joined', async () => {
    const host = await render(<SyncStatus communities={[]} isOnline onSyncNow={async () => {}} />);
    expect(host.innerHTML).toBe('');
  });

  it('formats ages for people', () => {
    expect(formatAgo(null, 0)).toBe('never');
    expect(formatAgo(0, 10_000)).toBe('just now');
    expect(formatAgo(0, 3 * 3600_000)).toBe('3 h ago');
    expect(formatAgo(0, 4 * 86_400_000)).toBe('4 days ago');
  });
});

describe('ThankButton', () => {
  it('toggles with an accessible name and pressed state; none on your own note', async () => {
    const seen: boolean[] = [];
    const host = await render(
      <ThankButton count={2} isThankedByMe={false} isOwn={false} onToggle={(v) => seen.push(v)} />,
    );
    const button = host.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Thank the author (2 thanks)');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await act(async () => button.click());
    expect(seen).toEqual([true]);
    const own = await render(<ThankButton count={1} isThankedByMe={false} isOwn onToggle={() => {}} />);
    expect(own.querySelector('button')).toBeNull();
    expect(own.textContent).toBe('1 thank');
  });
});
