import { describe, expect, it } from 'vitest';
import { addMonths, dayStart, dayString, localDay, mondayOf, parseDay } from './time';

describe('zoned calendar', () => {
  it('gives the local day of an instant per zone', () => {
    const t = Date.parse('2026-11-22T23:30:00Z');
    expect(dayString(localDay(t, 'UTC'))).toBe('2026-11-22');
    expect(dayString(localDay(t, 'Pacific/Auckland'))).toBe('2026-11-23');
    expect(dayString(localDay(t, 'America/Los_Angeles'))).toBe('2026-11-22');
  });

  it('finds local midnight, across DST changes too', () => {
    const nov2 = parseDay('2026-11-02')!; // first Monday after New York leaves DST (Nov 1)
    expect(new Date(dayStart(nov2, 'America/New_York')).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    const oct26 = parseDay('2026-10-26')!;
    expect(new Date(dayStart(oct26, 'America/New_York')).toISOString()).toBe('2026-10-26T04:00:00.000Z');
    // Santiago skips 00:00-01:00 when DST starts (2026-09-06): the day begins at 01:00 local.
    const gap = parseDay('2026-09-06')!;
    const start = dayStart(gap, 'America/Santiago');
    expect(localDay(start, 'America/Santiago')).toBe(gap);
    expect(localDay(start - 1, 'America/Santiago')).toBe(gap - 1);
  });

  it('weeks start on Monday', () => {
    expect(dayString(mondayOf(parseDay('2026-11-29')!))).toBe('2026-11-23'); // Sunday
    expect(dayString(mondayOf(parseDay('2026-11-23')!))).toBe('2026-11-23');
    expect(dayString(mondayOf(parseDay('1970-01-01')!))).toBe('1969-12-29');
  });

  it('rejects impossible dates and clamps month ends', () => {
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('tomorrow')).toBeNull();
    expect(dayString(addMonths(parseDay('2026-01-31')!, 1, 31))).toBe('2026-02-28');
    expect(dayString(addMonths(parseDay('2026-01-31')!, 2, 31))).toBe('2026-03-31');
  });
});
