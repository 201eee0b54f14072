import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, loadFixtures, locationOf } from '../../../tests/fixtures/chat/load';
import { ADAPTERS, adapterFor, hostMatchers } from './index';

const PLATFORMS = ['slack', 'teams', 'discord', 'google-chat', 'mattermost', 'zulip', 'discourse', 'github'];
const readme = readFileSync(join(FIXTURE_ROOT, 'README.md'), 'utf8');

describe('the adapter registry (meta-test)', () => {
  it('registers exactly one adapter per supported platform', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...PLATFORMS].sort());
  });

  it.each(PLATFORMS)('%s has a channel and a thread fixture, each with its expectation, and a README section', (id) => {
    for (const name of ['channel', 'thread']) {
      expect(existsSync(join(FIXTURE_ROOT, id, `${name}.html`))).toBe(true);
      expect(existsSync(join(FIXTURE_ROOT, id, `${name}.expected.json`))).toBe(true);
    }
    expect(readme).toContain(`## ${id}`);
  });

  it.each(PLATFORMS)('%s fixtures cover a message with code and one with a link and an edit marker', (id) => {
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    const f = loadFixtures(id).find((x) => x.name === 'channel')!;
    const { cases } = f.expected;
    expect(cases?.code && cases.linkEdited && cases.editedMarker).toBeTruthy();
    const { doc } = f.open();
    const byId = (mid: string) => adapter.messagesIn(doc).find((el) => adapter.readMessage(el).id === mid)!;
    const code = byId(cases!.code!);
    expect(code.querySelector('pre, code')).not.toBeNull();
    expect(adapter.readMessage(code).text).toContain('\n');
    const linked = byId(cases!.linkEdited!);
    expect(linked.querySelector('a[href^="https://"]')).not.toBeNull();
    expect(linked.outerHTML).toContain(cases!.editedMarker!);
    expect(adapter.readMessage(linked).text).not.toContain(cases!.editedMarker!);
  });

  it('matches only the real hosts; tests reach fixtures on 127.0.0.1 through injected matchers', () => {
    for (const id of ['slack', 'discord', 'teams', 'google-chat', 'github']) {
      const f = loadFixtures(id)[0]!;
      const { doc } = f.open();
      const real = locationOf(f.expected.url);
      const local = { ...real, hostname: '127.0.0.1' };
      expect(adapterFor(real, doc, { allowGeneric: false })?.id).toBe(id);
      expect(adapterFor(local, doc, { allowGeneric: false })).toBeNull();
      expect(adapterFor(local, doc, { matchers: hostMatchers('127.0.0.1') })?.id).toBe(id);
      expect(
        adapterFor({ ...local, pathname: '/elsewhere' }, doc, { matchers: hostMatchers('127.0.0.1') })?.id,
      ).not.toBe(id);
    }
  });

  it('recognises self-hosted apps by their own markers, not by a path alone', () => {
    for (const id of ['mattermost', 'zulip', 'discourse']) {
      const f = loadFixtures(id)[0]!;
      const loc = locationOf(f.expected.url);
      expect(adapterFor(loc, f.open().doc)?.id).toBe(id);
      const blank = new JSDOM('<p>An unrelated page</p>', { url: f.expected.url }).window.document;
      expect(adapterFor(loc, blank)).toBeNull();
    }
  });

  it('leaves ordinary pages alone', () => {
    const doc = new JSDOM('<article><h1>News</h1><p>Text</p></article>', { url: 'https://news.example.com/a' }).window
      .document;
    expect(adapterFor({ hostname: 'news.example.com', pathname: '/a' }, doc)).toBeNull();
  });
});
