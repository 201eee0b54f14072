/**
 * `npm run corpus:fetch [-- --from file.tar.gz]`: downloads the real-page corpus (mozilla/readability's test
 * pages, Apache-2.0) at the pinned commit into .corpus/readability-pages (git-ignored), where the tests find
 * it (lib/testing/corpus.ts). Only the pages listed in corpus-manifest.json are kept, each checked against
 * its git blob id, so every contributor runs the tests on the very files CI uses. `--from` reads a tarball
 * already on disk (GitHub's codeload layout, or `git archive --prefix=readability-<commit>/`).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'fflate';
import { FETCHED_CORPUS } from '../lib/testing/corpus';
import manifest from './corpus-manifest.json' with { type: 'json' };
import { tarEntries } from './untar';

const url = `https://codeload.github.com/mozilla/readability/tar.gz/${manifest.commit}`;

/** Git's id of a file's content: what `git hash-object` prints and a tree at the pinned commit records. */
export const blobId = (data: Uint8Array) =>
  createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');

async function download(): Promise<Uint8Array> {
  console.log(`downloading ${url}`);
  const res = await fetch(url).catch((e: Error) => {
    const cause = (e.cause as Error | undefined)?.message ?? e.message;
    throw new Error(
      `${url}: ${cause}. Download it where GitHub is reachable and run: npm run corpus:fetch -- --from FILE`,
    );
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

const fromArg = process.argv.indexOf('--from');
const gz = fromArg > 0 ? new Uint8Array(readFileSync(process.argv[fromArg + 1] as string)) : await download();
const wanted = new Map<string, string>(); // "page/file" -> blob id
for (const [page, files] of Object.entries(manifest.pages))
  for (const [file, id] of Object.entries(files)) wanted.set(`${page}/${file}`, id);

const out = resolve(FETCHED_CORPUS);
const tmp = `${out}.partial`;
rmSync(tmp, { recursive: true, force: true });
const marker = `/${manifest.path}/`;
for (const { path, data } of tarEntries(gunzipSync(gz))) {
  const at = path.indexOf(marker);
  if (at < 0) continue;
  const rel = path.slice(at + marker.length);
  const id = wanted.get(rel);
  if (!id) continue;
  if (blobId(data) !== id) throw new Error(`${rel}: content differs from ${manifest.commit} (blob ${id})`);
  mkdirSync(dirname(join(tmp, rel)), { recursive: true });
  writeFileSync(join(tmp, rel), data);
  wanted.delete(rel);
}
if (wanted.size) throw new Error(`missing from the archive: ${[...wanted.keys()].slice(0, 5).join(', ')}…`);
writeFileSync(
  join(tmp, 'README.md'),
  `Fetched by \`npm run corpus:fetch\` from ${manifest.source} (${manifest.path}) at ${manifest.commit}, ` +
    `licence ${manifest.licence}. Not part of the repository.\n`,
);
rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
console.log(`${Object.keys(manifest.pages).length} pages in ${FETCHED_CORPUS}`);
