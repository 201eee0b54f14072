import { z } from 'zod';
import { assertTimeZone } from '../digest/time';

/**
 * An IANA time zone name this runtime knows (Intl): `Europe/London`, `UTC`. Written once for the endpoint and the
 * extension (ritual schedules, calendar feeds, polls, the impact ledger's months). A bare UTC offset (`+05:00`) is
 * refused even where a runtime's Intl accepts one: it is not an IANA name, and Node and Chromium differ on it.
 */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    if (!/^[A-Za-z]/.test(tz)) return false;
    try {
      assertTimeZone(tz);
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone');

/**
 * Whether two zone names are the same zone to Intl (`utc` and `UTC`; an alias and its target), so a report does not
 * call a zone different only because it was spelt differently.
 */
export function isSameTimeZone(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const resolve = (tz: string) => new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
    return resolve(a) === resolve(b);
  } catch {
    return false;
  }
}
