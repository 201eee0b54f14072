/**
 * npm run chat:inspect -- page.html [--url URL]
 * For a chat page saved with "Save page as…": which adapter claims it and the table of what it reads, so drift
 * can be reported with evidence (and turned into a fixture). The URL defaults to the page's own saved-from mark.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { formatInspection, inspectPage, savedFromUrl } from '../lib/capture/chat/inspect';

const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const given = urlAt >= 0 ? args[urlAt + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && (urlAt < 0 || i !== urlAt + 1));
if (!file || (urlAt >= 0 && !given)) {
  console.error('usage: npm run chat:inspect -- page.html [--url URL]');
  process.exit(2);
}
const html = readFileSync(file, 'utf8');
const url = given ?? savedFromUrl(html, new JSDOM(html).window.document);
if (!url || !URL.canParse(url)) {
  console.error(`${file}: no address to read it as; pass the page's address with --url https://…`);
  process.exit(2);
}
const doc = new JSDOM(html, { url }).window.document;
const { hostname, pathname, hash } = new URL(url);
process.stdout.write(formatInspection(inspectPage(doc, { hostname, pathname, hash }), url));
