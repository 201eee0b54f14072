import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { marked } from 'marked';
import { extractText, getDocumentProxy } from 'unpdf';
import { impactWorld } from '../../lib/testing/impact';
import type { Note } from '../../lib/model';
import { seedExtensionDb } from './digest-seed';
import { expect, test } from './fixtures';
import { join, startEndpoint, syncNowAndWait, joinByHttp } from './pages/community';

test.setTimeout(240_000);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

/** The text of every heading, paragraph and table cell of a Markdown file, as CommonMark (marked) reads it. */
function markdownBlocks(md: string): string[] {
  const html = marked.parse(md, { async: false }) as string;
  return [...html.matchAll(/<(h[1-3]|p|th|td)[^>]*>([\s\S]*?)<\/\1>/g)]
    .map((m) => m[2]!.replace(/<[^>]+>/g, '').replace(/&(lt|gt|amp|quot|#39);/g, (_, e: string) => ENTITIES[e]!))
    .map((t) => t.trim())
    .filter(Boolean);
}

/** PDF text extraction splits and joins lines where the layout wrapped them: compare without whitespace. */
const bare = (s: string) => s.replace(/\s+/g, '');

async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

/** Downloads the report's Markdown with its button, prints the page to a PDF, and returns both texts. */
async function markdownAndPdf(report: Page) {
  const [download] = await Promise.all([
    report.waitForEvent('download'),
    report.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  const md = readFileSync((await download.path())!, 'utf8');
  return { md, name: download.suggestedFilename(), pdf: await pdfText(await report.pdf({ format: 'A4' })) };
}

/** Every block of the Markdown is in the PDF, in the same order. */
function expectSameText(md: string, pdf: string) {
  const text = bare(pdf);
  let at = 0;
  for (const block of markdownBlocks(md)) {
    const i = text.indexOf(bare(block), at);
    expect(i, `“${block}” in the PDF after position ${at}`).toBeGreaterThanOrEqual(0);
    at = i + bare(block).length;
  }
}

test('a facilitator opens the impact report from the options page; its PDF says what its Markdown says', async ({
  context,
  extensionId,
}) => {
  const endpoint = await startEndpoint(['facilitator']);
  try {
    const page = await context.newPage();
    await join(page, extensionId, endpoint.invite, 'Fran');
    const world = impactWorld({ seed: 5, notes: 400, members: 24, now: Date.now() });
    const notes = world.notes.map((n) => ({ ...n, communityId: endpoint.communityId }));
    await seedExtensionDb(page, { notes });

    await page.reload();
    const [report] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: 'Quarterly impact report for Makers' }).click(),
    ]);
    await expect(
      report.getByRole('heading', { level: 1, name: /^Makers: impact report, \d{4} Q[1-4]$/ }),
    ).toBeVisible();
    const article = report.getByRole('article', { name: 'Impact report' });
    await expect(article.getByRole('heading', { name: 'Time to answer' })).toBeVisible();

    const { md, name, pdf } = await markdownAndPdf(report);
    expect(name).toMatch(/^Makers-impact-\d{4}-Q[1-4]\.md$/);
    expectSameText(md, pdf);
    // Figures, not only headings: the harvest's count and the hidden cells' words are in both.
    const harvested = /Notes harvested: ([\d,]+)\./.exec(markdownBlocks(md).join('\n'))?.[1];
    expect(Number(harvested?.replace(',', ''))).toBeGreaterThan(0);
    expect(bare(pdf)).toContain(bare(`Notes harvested: ${harvested}.`));
    expect(pdf).not.toContain('Download Markdown');

    // The new tab offers the report to a facilitator too.
    await page.goto(`chrome-extension://${extensionId}/newtab.html`);
    await expect(page.getByRole('link', { name: 'Impact report' })).toBeVisible();
  } finally {
    await endpoint.close();
  }
});

/** Saves a note through the background, as the capture panel does (same message, same validation). */
async function harvestNote(page: Page, communityId: string, kind: string, takeaway: string): Promise<Note> {
  const res = await page.evaluate(
    async ([communityId, kind, takeaway]) => {
      const url = 'https://example.org/deploys';
      const data = {
        kind,
        quote: '',
        takeaway,
        tags: [],
        selectors: [],
        page: { url, canonicalUrl: url, title: 'Deploys' },
        communityId,
      };
      const { chrome } = globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      };
      const answer = (await chrome.runtime.sendMessage({ id: 1, type: 'createNote', data, timestamp: Date.now() })) as {
        res?: { ok: boolean; value?: Note; error?: string };
      };
      return answer.res;
    },
    [communityId, kind, takeaway] as const,
  );
  expect(res?.ok, res?.error).toBe(true);
  return res!.value!;
}

/** A member who joins through the real invite over HTTP, as a scripted member does. */

async function send(endpoint: string, token: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${endpoint}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
}

test('the report carries the real ledger summary: time saved by five members, nobody named without consent, a hostile story title kept as words', async ({
  context,
  extensionId,
}) => {
  const endpoint = await startEndpoint(['facilitator', 'member']);
  const base = new URL(endpoint.invite).origin;
  try {
    const page = await context.newPage();
    await join(page, extensionId, endpoint.invites.facilitator, 'Fran');
    const members = [];
    for (const name of ['Ada Consents', 'Ben Private', 'Cy Quiet', 'Di Quiet', 'Ed Quiet']) {
      members.push(await joinByHttp(base, endpoint.invites.member, name));
    }
    const [ada] = members;
    const now = Date.now();
    const hostile =
      '](javascript:window.__pwned=1) <script>window.__pwned=1</script> We shipped the migration in a day';
    // The endpoint tells outcomes only about notes it holds: Fran harvests both through the background and syncs.
    const helped = await harvestNote(page, endpoint.communityId, 'snippet', 'Blue-green deploy script');
    const story = await harvestNote(page, endpoint.communityId, 'story', hostile);
    await syncNowAndWait(page);

    // Five members say the snippet saved them 30 minutes each; Ada's opening turned into the story. Only Ada consents.
    for (const [i, m] of members.entries()) {
      await send(base, m.token, 'POST', '/v1/community/impact/entries', {
        id: crypto.randomUUID(),
        noteId: helped.id,
        source: 'search',
        openedAt: new Date(now - 2 * 3_600_000).toISOString(),
        answeredAt: new Date(now - 3_600_000).toISOString(),
        minutesSaved: 30,
        outcome: i === 0 ? 'story' : null,
        outcomeNoteId: i === 0 ? story.id : null,
      });
    }
    await send(base, ada!.token, 'PUT', '/v1/community/me/report-consent', { isNamed: true });

    const report = await context.newPage();
    await report.goto(`chrome-extension://${extensionId}/report.html?community=${endpoint.communityId}`);
    const article = report.getByRole('article', { name: 'Impact report' });
    await expect(article).toContainText('for the notes they opened: 2.5 hours.');
    await expect(article.getByRole('heading', { level: 3, name: hostile })).toBeVisible();
    // Fran wrote both notes and did not consent: the story is told without her name.
    await expect(article).toContainText('A story, made possible by the note: Blue-green deploy script.');
    await expect(article.locator('a, script, img')).toHaveCount(0);

    const { md, pdf } = await markdownAndPdf(report);
    expectSameText(md, pdf);
    for (const text of [md, pdf, await article.innerText()]) {
      expect(bare(text)).toContain(bare('2.5 hours'));
      for (const name of ['Fran', 'Ada Consents', 'Ben Private']) expect(text).not.toContain(name);
    }
    expect(bare(pdf)).toContain(bare(hostile));
    // CommonMark reads the title back as the same words, never a link or a script.
    expect(marked.parse(md, { async: false })).not.toMatch(/<a |<script/);
    expect(markdownBlocks(md)).toContain(hostile);
    expect(await report.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  } finally {
    await endpoint.close();
  }
});
