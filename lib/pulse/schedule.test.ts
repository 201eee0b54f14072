import { describe, expect, it } from 'vitest';
import { openOccurrence, occurrenceByKey, upcomingOccurrence } from './schedule';
import { defaultPolls } from './defaults';

const iso = (t: number) => new Date(t).toISOString();

describe('poll schedule', () => {
  const [blocker, usefulness] = defaultPolls('Europe/Berlin');

  it('opens the blocker poll the three days before each huddle and closes as the huddle day starts', () => {
    // Huddles every two weeks from Wednesday 2026-01-07: 2026-03-04 is one.
    const open = openOccurrence(blocker!, Date.parse('2026-03-02T09:00:00Z'))!;
    expect(open.key).toBe('2026-03-04');
    expect(iso(open.opensAt)).toBe('2026-02-28T23:00:00.000Z'); // Berlin midnight, winter time
    expect(iso(open.closesAt)).toBe('2026-03-03T23:00:00.000Z');
    expect(openOccurrence(blocker!, open.opensAt - 1)).toBeNull();
    expect(openOccurrence(blocker!, open.closesAt)).toBeNull();
    expect(openOccurrence(blocker!, open.closesAt - 1)?.key).toBe('2026-03-04');
  });

  it('keeps the local opening hour across a DST change', () => {
    // 2026-03-29: Berlin moves to summer time. The huddle of 2026-04-01 opens on the 29th at local midnight.
    const open = openOccurrence(blocker!, Date.parse('2026-03-30T12:00:00Z'))!;
    expect(open.key).toBe('2026-04-01');
    expect(iso(open.opensAt)).toBe('2026-03-28T23:00:00.000Z'); // 29th 00:00 CET, still winter time
    expect(iso(open.closesAt)).toBe('2026-03-31T22:00:00.000Z'); // 1st 00:00 CEST
  });

  it('runs the usefulness poll once a quarter, a week long', () => {
    const open = openOccurrence(usefulness!, Date.parse('2026-06-26T12:00:00Z'))!;
    expect(open.key).toBe('2026-06-30');
    expect(openOccurrence(usefulness!, Date.parse('2026-06-20T12:00:00Z'))).toBeNull();
    expect(upcomingOccurrence(usefulness!, Date.parse('2026-07-01T12:00:00Z'))!.key).toBe('2026-09-30');
  });

  it('knows real occurrence keys from made-up ones', () => {
    expect(occurrenceByKey(blocker!, '2026-03-04')?.key).toBe('2026-03-04');
    expect(occurrenceByKey(blocker!, '2026-03-05')).toBeNull();
    expect(occurrenceByKey(blocker!, 'yesterday')).toBeNull();
  });

  it('computes the same occurrence in every zone from that zone’s calendar', () => {
    const at = Date.parse('2026-03-02T12:00:00Z'); // the 2nd or the 3rd, locally
    for (const tz of ['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata', 'UTC']) {
      const o = openOccurrence({ ...blocker!, timeZone: tz }, at)!;
      expect(o.key).toBe('2026-03-04');
    }
  });
});
