import { describe, expect, it } from 'vitest';
import { findThreadTab, isThreadTab } from './thread-tab';

// The thread addresses are those of the chat fixtures (tests/fixtures/chat/*/*.expected.json).
const SLACK = 'https://app.slack.com/client/T0BBBB0001/C0CCCC0001/thread/C0CCCC0001-1612469638.214000';
const ZULIP_NEAR = 'https://chat.example.com/#narrow/channel/7-design/topic/icons/near/2001';
const DISCORD_MSG = 'https://discord.com/channels/1150000000000000001/1150000000000000002/1300000000000000001';
const GCHAT = 'https://mail.google.com/chat/u/0/#chat/space/AAAAbCdEfGh/aZx3Cv4Bn5M';

describe('isThreadTab', () => {
  it('matches the thread however the tab reached it: scheme, www., tracking, trailing slash, query order', () => {
    expect(isThreadTab(`${SLACK}/`, SLACK)).toBe(true);
    expect(isThreadTab(`${SLACK}?utm_source=mail`, SLACK)).toBe(true);
    expect(
      isThreadTab(
        'http://www.forum.example.org/t/rotate/4217?b=2&a=1',
        'https://forum.example.org/t/rotate/4217?a=1&b=2',
      ),
    ).toBe(true);
  });

  it('lets the tab carry query parameters the thread link has not (Slack, Teams add their own)', () => {
    expect(isThreadTab(`${SLACK}?cdn_fallback=1`, SLACK)).toBe(true);
    const teams = 'https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1612469638214?groupId=g1';
    expect(isThreadTab(`${teams}&tenantId=t1&createdTime=1612469638214`, teams)).toBe(true);
    // …but none of the thread's own may differ or be missing.
    expect(isThreadTab(teams.replace('g1', 'g2'), teams)).toBe(false);
    expect(isThreadTab(teams.split('?')[0]!, teams)).toBe(false);
  });

  it('ignores a fragment that only scrolls, and compares one that routes the app', () => {
    expect(
      isThreadTab('https://github.com/acme/widgets/issues/88', 'https://github.com/acme/widgets/issues/88#issue-1001'),
    ).toBe(true);
    expect(isThreadTab(GCHAT, GCHAT)).toBe(true);
    expect(isThreadTab('https://mail.google.com/chat/u/0/#chat/space/AAAAbCdEfGh/other', GCHAT)).toBe(false);
    expect(isThreadTab('https://mail.google.com/chat/u/0/#chat/home', GCHAT)).toBe(false);
  });

  it("matches Zulip's topic whatever message it is scrolled to (near, with; stream is channel's older name)", () => {
    expect(isThreadTab('https://chat.example.com/#narrow/channel/7-design/topic/icons', ZULIP_NEAR)).toBe(true);
    expect(isThreadTab('https://chat.example.com/#narrow/stream/7-design/topic/icons/with/2003', ZULIP_NEAR)).toBe(
      true,
    );
    expect(isThreadTab('https://chat.example.com/#narrow/channel/7-design/topic/logos', ZULIP_NEAR)).toBe(false);
    expect(isThreadTab('https://chat.example.com/#feed', ZULIP_NEAR)).toBe(false);
    expect(isThreadTab('https://other.example.com/#narrow/channel/7-design/topic/icons', ZULIP_NEAR)).toBe(false);
  });

  it("matches Discord's channel for a message link into it, not another channel", () => {
    expect(isThreadTab('https://discord.com/channels/1150000000000000001/1150000000000000002', DISCORD_MSG)).toBe(true);
    expect(isThreadTab(`${DISCORD_MSG.slice(0, -1)}9`, DISCORD_MSG)).toBe(true);
    expect(isThreadTab('https://discord.com/channels/1150000000000000001/1150000000000000003', DISCORD_MSG)).toBe(
      false,
    );
  });

  it("never matches Slack's channel view for a thread (its composer is the channel's, not the thread's)", () => {
    expect(isThreadTab('https://app.slack.com/client/T0BBBB0001/C0CCCC0001', SLACK)).toBe(false);
    expect(isThreadTab(SLACK.replace('214000', '214001'), SLACK)).toBe(false);
  });

  it('matches no tab without an address or with one that is not a web page', () => {
    expect(isThreadTab('chrome://newtab/', SLACK)).toBe(false);
    expect(isThreadTab('not a url', SLACK)).toBe(false);
    expect(isThreadTab(SLACK, 'not a url')).toBe(false);
  });
});

describe('findThreadTab', () => {
  const other = { id: 1, url: 'https://example.org/', windowId: 1, active: true };

  it('is undefined when no tab shows the thread (the relay opens one), or when tab addresses are hidden', () => {
    expect(findThreadTab([other], [SLACK])).toBeUndefined();
    expect(findThreadTab([{ id: 2, windowId: 1 }], [SLACK])).toBeUndefined();
    expect(findThreadTab([], [SLACK])).toBeUndefined();
  });

  it('finds the tab showing any of the addresses: the link first, else the view it was harvested in', () => {
    const mattermost = { id: 3, url: 'https://chat.example.org/platform/channels/design', windowId: 2 };
    const found = findThreadTab(
      [other, mattermost],
      ['https://chat.example.org/platform/pl/k3x9p1aq7jf8ubw1ioyt4cmd5r', mattermost.url],
    );
    expect(found).toBe(mattermost);
  });

  it('prefers the tab the user is looking at, then the one used last', () => {
    const a = { id: 4, url: SLACK, windowId: 1, lastAccessed: 10 };
    const b = { id: 5, url: `${SLACK}?x=1`, windowId: 2, lastAccessed: 20 };
    const c = { id: 6, url: SLACK, windowId: 3, lastAccessed: 5, active: true };
    expect(findThreadTab([a, b], [SLACK])).toBe(b);
    expect(findThreadTab([a, b, c], [SLACK])).toBe(c);
  });
});
