/**
 * The regular files of a tar archive (ustar and pax, as GitHub's codeload and `git archive` write them), for
 * `corpus:fetch`: a few dozen lines instead of a dependency for one script.
 */
const BLOCK = 512;

function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** A pax extended header's `path` record ("<len> path=<value>\n"), if any. */
function paxPath(data: Uint8Array): string | null {
  for (const line of new TextDecoder().decode(data).split('\n')) {
    const m = /^\d+ path=(.*)$/.exec(line);
    if (m) return m[1] as string;
  }
  return null;
}

export function* tarEntries(tar: Uint8Array): Generator<{ path: string; data: Uint8Array }> {
  let at = 0;
  let nextPath: string | null = null;
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((b) => b === 0)) return; // end of archive
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) throw new Error(`tar: bad size at byte ${at}`);
    const type = String.fromCharCode(header[156] as number);
    const data = tar.subarray(at + BLOCK, at + BLOCK + size);
    if (data.length < size) throw new Error('tar: archive ends inside a file');
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      nextPath = paxPath(data);
      continue;
    }
    if (type === 'g') continue; // global pax header (git archive stores the commit id there)
    const prefix = field(header, 345, 155);
    const path = nextPath ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    nextPath = null;
    if (type === '0' || type === '\0') yield { path, data };
  }
}
