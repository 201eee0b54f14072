import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What the new tab loads before its first paint: the scripts, preloads and styles its built HTML names. */
export function newtabBundle(outDir: string) {
  const html = readFileSync(join(outDir, 'newtab.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let raw = statSync(join(outDir, 'newtab.html')).size;
  let gzip = gzipSync(readFileSync(join(outDir, 'newtab.html'))).length;
  for (const f of files) {
    const bytes = readFileSync(join(outDir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  const kb = (b: number) => Math.round((b / 1024) * 10) / 10;
  return { files, rawKb: kb(raw), gzipKb: kb(gzip) };
}
