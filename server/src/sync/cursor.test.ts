import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('pull cursors', () => {
  const key = randomBytes(32);
  const state = { communityId: 'c-1', epoch: 'e-1', version: 42, token: 'tk' };

  it('round-trips what the server signed', () => {
    expect(decodeCursor(key, encodeCursor(key, state))).toEqual(state);
  });

  it('refuses cursors signed by another key, edited, or malformed', () => {
    const cursor = encodeCursor(key, state);
    const [payload, sig] = cursor.split('.');
    const edited = Buffer.from(JSON.stringify(['c-1', 'e-1', 43, 'tk'])).toString('base64url');
    for (const bad of [encodeCursor(randomBytes(32), state), `${edited}.${sig}`, payload!, `${cursor}.x`, '', '..']) {
      expect(decodeCursor(key, bad)).toBeUndefined();
    }
  });
});
