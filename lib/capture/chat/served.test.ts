import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveChatFixtures, type ChatFixtureServer } from '../../../tests/fixtures/chat/server';
import { ADAPTERS, adapterFor, hostMatchers } from './index';

let server: ChatFixtureServer;
beforeAll(async () => {
  server = await serveChatFixtures();
});
afterAll(() => server.close());

describe('fixtures served from 127.0.0.1 under the apps’ own paths', () => {
  it.each(ADAPTERS.map((a) => a.id))('%s: the injected matcher picks its adapter for each page', async (id) => {
    for (const name of ['channel', 'thread']) {
      const url = server.urlFor(id, name);
      const html = await (await fetch(url)).text();
      const doc = new JSDOM(html, { url }).window.document;
      const u = new URL(url);
      const loc = { hostname: u.hostname, pathname: u.pathname, hash: u.hash };
      expect(adapterFor(loc, doc, { matchers: hostMatchers('127.0.0.1') })?.id).toBe(id);
    }
  });

  it('serves the virtualised channel and refuses unknown fixtures', async () => {
    expect((await fetch(server.urlFor('slack', 'virtual'))).status).toBe(200);
    expect((await fetch(`${server.origin}/client/x?fixture=../../etc/passwd`)).status).toBe(404);
  });
});
