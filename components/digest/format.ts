/** Locale-aware formatting for the digest (Intl only): dates, relative ages, counts, shares and durations. */
export interface Formatters {
  date(t: number): string;
  day(isoDay: string): string;
  ago(t: number, now: number): string;
  count(n: number): string;
  share(x: number): string;
  duration(ms: number): string;
}

export function formatters(locale: string | undefined, timeZone: string): Formatters {
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium' });
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' });
  const rel = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const units = new Map<string, Intl.NumberFormat>();
  const dur = (value: number, unit: 'hour' | 'day') => {
    let f = units.get(unit);
    if (!f)
      units.set(
        unit,
        (f = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 })),
      );
    return f.format(value);
  };
  return {
    date: (t) => date.format(t),
    day: (iso) => day.format(Date.parse(iso)),
    ago(t, now) {
      const minutes = Math.round((t - now) / 60_000);
      if (Math.abs(minutes) < 60) return rel.format(minutes, 'minute');
      const hours = Math.round(minutes / 60);
      if (Math.abs(hours) < 24) return rel.format(hours, 'hour');
      return rel.format(Math.round(hours / 24), 'day');
    },
    count: (n) => num.format(n),
    share: (x) => pct.format(x),
    duration: (ms) => (ms < 86_400_000 ? dur(ms / 3_600_000, 'hour') : dur(ms / 86_400_000, 'day')),
  };
}

/** Only web links are ever rendered as links: a note from another member could carry anything. */
export function safeHref(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
