/**
 * Runs the W3C Web Annotation test suite's MUST assertions (its own JSON Schemas, draft-04) over our JSON
 * export of the varied corpus, the golden notes and the notes imported from the real-format fixtures, and prints
 * k/n valid with every failing assertion. A development check: the suite is not ours to commit, so fetch
 * w3c/web-annotation-tests (any checkout) and pass its folder:
 *
 *   npx tsx scripts/w3c-annotation-suite.ts /path/to/web-annotation-tests
 *
 * Embedded annotations are checked as a reader extracting one would see them: with the collection's
 * @context (the spec's page example embeds annotations without one), and also as they stand.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv07 from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { exportCorpus } from '../lib/testing/export/export-corpus';
import { importedFixtureNotes } from '../lib/testing/export/imported-fixtures';
import { goldenNotes } from '../lib/testing/export/golden-notes';
import { exportJson } from '../lib/export/json-export';
import { WEB_ANNOTATION_SCHEMA } from '../lib/export/web-annotation-schema';

const suite = process.argv[2];
if (!suite) {
  console.error('usage: tsx scripts/w3c-annotation-suite.ts <web-annotation-tests folder>');
  process.exit(2);
}
const readJson = (p: string) => JSON.parse(readFileSync(join(suite, p), 'utf8'));

const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
for (const f of readdirSync(join(suite, 'definitions')).filter((f) => f.endsWith('.json')))
  ajv.addSchema(readJson(join('definitions', f)));

type Check = { file: string; message: string; validate: (doc: unknown) => boolean };
const checks = (testFile: string): Check[] =>
  (readJson(testFile).assertions as string[]).map((file) => {
    const schema = readJson(file);
    return { file, message: schema.errorMessage as string, validate: ajv.compile(schema) as (d: unknown) => boolean };
  });
const ours = new Ajv07({ strict: true, strictTypes: false, strictRequired: false });
addFormats(ours);
ours.addSchema(WEB_ANNOTATION_SCHEMA);
const oursFile = ours.getSchema(WEB_ANNOTATION_SCHEMA.$id)!;
const oursAnnotation = ours.getSchema(`${WEB_ANNOTATION_SCHEMA.$id}#/definitions/standaloneAnnotation`)!;

const annotationMusts = checks('annotations/annotationMusts.test');
const collectionMusts = checks('collections/collectionMusts.test');
const pageMusts = checks('collections/pages/pageMusts.test');

const imported = importedFixtureNotes();
const corpus = exportCorpus();
const golden = goldenNotes();
const files = {
  corpus: exportJson(corpus.notes, { collections: corpus.collections, now: Date.UTC(2026, 11, 4) }),
  golden: exportJson(golden.notes, { collections: [golden.collection], now: Date.UTC(2026, 11, 4) }),
  imported: exportJson(imported, { now: Date.UTC(2026, 11, 4) }),
  empty: exportJson([], { now: Date.UTC(2026, 11, 4) }),
};

const summary: Record<string, unknown> = {};
for (const [name, text] of Object.entries(files)) {
  const doc = JSON.parse(text);
  const items: Record<string, unknown>[] = doc.first?.items ?? [];
  const failures = new Map<string, number>();
  const run = (list: Check[], subject: unknown, prefix: string) => {
    let ok = true;
    for (const c of list)
      if (!c.validate(subject)) {
        ok = false;
        failures.set(`${prefix} ${c.file}`, (failures.get(`${prefix} ${c.file}`) ?? 0) + 1);
      }
    return ok;
  };
  const inContext = items.filter((a) =>
    run(annotationMusts, { '@context': doc['@context'], ...a }, 'annotation'),
  ).length;
  const asEmbedded = items.filter((a) => annotationMusts.every((c) => c.validate(a))).length;
  const collectionOk = run(collectionMusts, doc, 'collection');
  // The page assertions read a page, or a collection with one embedded; an empty collection has none.
  const pageOk = doc.first === undefined ? undefined : run(pageMusts, doc, 'page');
  const oursOk = oursFile(doc);
  const oursItems = items.filter((a) => oursAnnotation({ '@context': doc['@context'], ...a })).length;
  summary[name] = {
    annotations: `${inContext}/${items.length}`,
    annotationsWithoutInheritedContext: `${asEmbedded}/${items.length}`,
    collection: collectionOk ? '1/1' : '0/1',
    page: pageOk === undefined ? 'n/a' : pageOk ? '1/1' : '0/1',
    ours: { file: oursOk ? '1/1' : '0/1', annotations: `${oursItems}/${items.length}` },
  };
  console.log(`\n${name}: ${items.length} annotations`);
  console.log(`  annotation MUSTs (${annotationMusts.length} assertions): ${inContext}/${items.length} valid`);
  console.log(`  ... without the collection's @context: ${asEmbedded}/${items.length}`);
  console.log(`  collection MUSTs (${collectionMusts.length}): ${collectionOk ? 'valid' : 'INVALID'}`);
  console.log(
    `  page MUSTs (${pageMusts.length}): ${pageOk === undefined ? 'n/a (no page)' : pageOk ? 'valid' : 'INVALID'}`,
  );
  console.log(`  our schema: file ${oursOk ? 'valid' : 'INVALID'}, annotations ${oursItems}/${items.length} valid`);
  if (!oursOk)
    for (const e of (oursFile.errors ?? []).slice(0, 8)) console.log(`  OURS ${e.instancePath || '/'} ${e.message}`);
  for (const [key, n] of failures) {
    const file = key.split(' ')[1]!;
    const msg = [...annotationMusts, ...collectionMusts, ...pageMusts].find((c) => c.file === file)?.message;
    console.log(`  FAIL ×${n} ${key}: ${msg}`);
  }
}
console.log(JSON.stringify({ suite: 'w3c-web-annotation-tests', ...summary }));
