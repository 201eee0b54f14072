import type { Mutation } from '../../../lib/sync/protocol';
import { ApiHttpError } from '../http/errors';

/**
 * How far ahead of the server's clock a note's times may be. Generous on purpose: devices with clocks days off
 * must keep syncing (the sync property tests jump client clocks by days); a year still refuses the year 2999.
 */
export const MAX_CLOCK_AHEAD_MS = 366 * 86_400_000;

/**
 * Times a member sends must be sane: a note "created" in 2999 sorts first in every list for ever. Times past
 * MAX_CLOCK_AHEAD_MS ahead of the server's clock are refused (400) with the batch, before anything is applied.
 */
export function checkTimes(mutations: Mutation[], now: number): void {
  const limit = now + MAX_CLOCK_AHEAD_MS;
  for (const m of mutations) {
    if (m.op !== 'create') continue;
    const times: [string, number | undefined][] = [
      ['createdAt', m.note.createdAt],
      ['updatedAt', m.note.updatedAt],
    ];
    for (const [field, value] of times) {
      if (value !== undefined && value > limit) {
        throw new ApiHttpError(
          400,
          'bad_request',
          `Mutation ${m.clientId}#${m.mutationNumber}: ${field} is more than a year ahead of the server's clock (check the device's clock); nothing was applied`,
        );
      }
    }
  }
}
