/**
 * The README's "Permissions, and why" table and the built manifest, reduced to the same list of grants, so a
 * test can fail when one changes without the other. A grant reads `permission:storage`,
 * `content-script:https://*\/*` or `host:https://example.org/*`.
 */
export interface ManifestGrants {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}

export type TargetBrowser = 'chrome' | 'firefox';

/** Every grant a manifest asks the user for, sorted and without repeats. */
export function manifestGrants(manifest: ManifestGrants): string[] {
  const grants = [
    ...[...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])].map((p) =>
      // MV2 (Firefox) lists host patterns among permissions.
      p.includes('://') || p === '<all_urls>' ? `host:${p}` : `permission:${p}`,
    ),
    ...(manifest.host_permissions ?? []).map((p) => `host:${p}`),
    ...(manifest.content_scripts ?? []).flatMap((cs) => (cs.matches ?? []).map((m) => `content-script:${m}`)),
  ];
  return [...new Set(grants)].sort();
}

const TABLE_HEADING = '## Permissions, and why';

/**
 * The grants the README's table explains for one browser. The first cell of each row names them in backticks;
 * a row that starts "content script on" names match patterns, "host" names host patterns; "(Chrome only)" or
 * "(Firefox only)" limits a row to one browser. Throws when the table is missing, so a renamed heading fails.
 */
export function readmeGrants(markdown: string, browser: TargetBrowser): string[] {
  const start = markdown.indexOf(TABLE_HEADING);
  if (start < 0) throw new Error(`README has no "${TABLE_HEADING}" section`);
  const rest = markdown.slice(start + TABLE_HEADING.length);
  const end = rest.search(/\n## /);
  const rows = (end < 0 ? rest : rest.slice(0, end))
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2); // header and its rule
  if (!rows.length) throw new Error('The permissions table has no rows');
  const grants = rows.flatMap((row) => {
    const cell = row.split('|')[1]?.trim() ?? '';
    const only = /\((Chrome|Firefox) only\)/i.exec(cell)?.[1]?.toLowerCase();
    if (only && only !== browser) return [];
    const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const kind = /^content scripts? on/i.test(cell) ? 'content-script' : /^host/i.test(cell) ? 'host' : 'permission';
    return names.map((name) => `${kind}:${name}`);
  });
  return [...new Set(grants)].sort();
}
