import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../rituals/deliver';
import { classifySmtp } from './classify';
import { readSmtp } from './smtp-config';

describe('SMTP outcomes', () => {
  const at = 1_000_000;
  it('retries deferrals and refused connections, fails on 5xx, never re-sends after a drop mid-send', () => {
    expect(classifySmtp(null, 1, at, DEFAULT_POLICY)).toEqual({ state: 'delivered' });
    expect(classifySmtp({ responseCode: 451, response: '451 greylisted' }, 1, at, DEFAULT_POLICY)).toMatchObject({
      state: 'pending',
      retryAt: at + DEFAULT_POLICY.baseBackoffMs,
    });
    expect(classifySmtp({ code: 'ECONNECTION' }, 2, at, DEFAULT_POLICY)).toMatchObject({
      state: 'pending',
      retryAt: at + 2 * DEFAULT_POLICY.baseBackoffMs,
    });
    expect(classifySmtp({ responseCode: 450 }, DEFAULT_POLICY.maxAttempts, at, DEFAULT_POLICY).state).toBe('failed');
    expect(classifySmtp({ responseCode: 550, response: '550 no such user' }, 1, at, DEFAULT_POLICY)).toMatchObject({
      state: 'failed',
    });
    expect(classifySmtp({ code: 'ETIMEDOUT' }, 1, at, DEFAULT_POLICY).state).toBe('unconfirmed');
  });
});

describe('SMTP settings from the environment', () => {
  it('is off without both variables, and refuses half or bad settings', () => {
    expect(readSmtp({})).toBeUndefined();
    expect(() => readSmtp({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/go together/);
    expect(() => readSmtp({ MAIL_FROM: 'hub@example.org' })).toThrow(/go together/);
    expect(() => readSmtp({ SMTP_URL: 'http://mail.example.org', MAIL_FROM: 'a@b.org' })).toThrow(/smtp:\/\//);
    expect(() => readSmtp({ SMTP_URL: 'not a url', MAIL_FROM: 'a@b.org' })).toThrow(/must be a URL/);
  });
  it('requires TLS off this machine, and decodes credentials', () => {
    expect(readSmtp({ SMTP_URL: 'smtp://u%40x:p%2Fw@mail.example.org', MAIL_FROM: 'Hub <hub@example.org>' })).toEqual({
      host: 'mail.example.org',
      port: 587,
      secure: false,
      requireTLS: true,
      auth: { user: 'u@x', pass: 'p/w' },
      from: 'Hub <hub@example.org>',
    });
    expect(readSmtp({ SMTP_URL: 'smtps://mail.example.org', MAIL_FROM: 'a@b.org' })).toMatchObject({
      port: 465,
      secure: true,
      requireTLS: false,
    });
    expect(readSmtp({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'a@b.org' })).toMatchObject({
      port: 2525,
      requireTLS: false,
      auth: undefined,
    });
  });
});
