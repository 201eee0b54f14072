import { describe, expect, it } from 'vitest';
import { describeDelivery } from './ritual-webhook';

describe('describeDelivery', () => {
  it('states each outbox state in words, with the reason where there is one', () => {
    expect(describeDelivery({ state: 'delivered', lastError: null })).toBe('Posted.');
    expect(describeDelivery({ state: 'pending', lastError: 'rate limited (429)' })).toBe(
      'Retrying: rate limited (429).',
    );
    expect(describeDelivery({ state: 'unconfirmed', lastError: 'no answer' })).toMatch(
      /^Unconfirmed: .*not be sent again/,
    );
    expect(describeDelivery({ state: 'failed', lastError: 'refused (404): no_service' })).toBe(
      'Failed: refused (404): no_service.',
    );
    expect(describeDelivery({ state: 'failed', lastError: null })).toBe('Failed: the app refused it.');
  });
});
