import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign } from '../crypto';
import { decodeCursor, encodeCursor } from './cursor';

describe('pull cursors', () => {
  const key = randomBytes(32);
  const state = { communityId: 'c-1', epoch: 'e-1', version: 42, token: 'g.tk', fence: 40 };

  it('round-trips what the server signed', () => {
    expect(decodeCursor(key, encodeCursor(key, state))).toEqual(state);
  });

  it('refuses cursors signed by another key, edited, or malformed', () => {
    const cursor = encodeCursor(key, state);
    const [payload, sig] = cursor.split('.');
    const edited = Buffer.from(JSON.stringify(['c-1', 'e-1', 43, 'g.tk', 40])).toString('base64url');
    for (const bad of [encodeCursor(randomBytes(32), state), `${edited}.${sig}`, payload!, `${cursor}.x`, '', '..']) {
      expect(decodeCursor(key, bad)).toBeUndefined();
    }
  });

  it('reads a cursor signed before batch tokens as the empty token (what migration 002 gave old versions)', () => {
    const payload = Buffer.from(JSON.stringify(['c-1', 'e-1', 7])).toString('base64url');
    const legacy = `${payload}.${sign(key, payload)}`;
    expect(decodeCursor(key, legacy)).toEqual({ communityId: 'c-1', epoch: 'e-1', version: 7, token: '', fence: 0 });
  });

  it('reads a cursor signed before the fence was carried as made at fence 0 (it pulls as it always did)', () => {
    const payload = Buffer.from(JSON.stringify(['c-1', 'e-1', 7, 'tk'])).toString('base64url');
    const older = `${payload}.${sign(key, payload)}`;
    expect(decodeCursor(key, older)).toEqual({ communityId: 'c-1', epoch: 'e-1', version: 7, token: 'tk', fence: 0 });
  });

  it('refuses a signed cursor whose fence is not a version', () => {
    for (const fence of [-1, 1.5, '3', null]) {
      const payload = Buffer.from(JSON.stringify(['c-1', 'e-1', 7, 'tk', fence])).toString('base64url');
      expect(decodeCursor(key, `${payload}.${sign(key, payload)}`)).toBeUndefined();
    }
  });
});
