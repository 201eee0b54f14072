import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port nobody listens on right now (the OS picks it; the endpoint then binds it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

export interface EndpointProcess {
  url: string;
  /** The single-use admin invite link the first start prints. */
  adminInvite: string;
  /** The demo community's invite link (`--demo`): another community on the same server. */
  demoInvite: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, as a supervisor stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * The endpoint as operators run it (`npm run server -- --demo`): its own process, PGlite in a fresh data folder,
 * configured through the environment (`env` adds to it: RATE_*, MAX_NOTE_BYTES, TRUST_PROXY...).
 */
export async function startEndpointProcess(env: Record<string, string> = {}): Promise<EndpointProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'commonplace-endpoint-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts', '--demo'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = () => {
        if (/Demo community seeded: join with \S+/.test(output)) resolve(true);
        else setTimeout(check, 50);
      };
      check();
    }),
    exited.then(() => false),
  ]);
  if (!ready) throw new Error(`the endpoint did not start:\n${output}`);
  return {
    url: `http://127.0.0.1:${port}`,
    adminInvite: /join as its admin with (\S+)/.exec(output)![1]!,
    demoInvite: /Demo community seeded: join with (\S+)/.exec(output)![1]!,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const code = await exited;
      rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** A member as the HTTP API sees them: their token and the calls they make with it. */
export interface ApiMember {
  token: string;
  memberId: string;
  communityId: string;
  /** Calls the endpoint with this member's token; `headers` add to (or replace) the defaults. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** A raw call: `body` as given when it is a string (malformed JSON on purpose), else JSON. */
export async function callEndpoint(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}

/** Joins through a real invite link (`POST /v1/join`) and returns the member it made. */
export async function joinByApi(
  url: string,
  inviteLink: string,
  displayName: string,
  headers: Record<string, string> = {},
): Promise<ApiMember> {
  const code = decodeURIComponent(new URL(inviteLink).hash.replace(/^#code=/, ''));
  const answer = await callEndpoint(url, 'POST', '/v1/join', { code, displayName }, headers);
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(`join failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const joined = answer.body as { token: string; member: { id: string }; community: { id: string } };
  return memberWithToken(url, joined.token, joined.member.id, joined.community.id, headers);
}

/** The same member with another token (one they minted): calls go out with it. */
export function memberWithToken(
  url: string,
  token: string,
  memberId: string,
  communityId: string,
  headers: Record<string, string> = {},
): ApiMember {
  return {
    token,
    memberId,
    communityId,
    call: (method, path, body, extra = {}) =>
      callEndpoint(url, method, path, body, { authorization: `Bearer ${token}`, ...headers, ...extra }),
  };
}

/** Every change of a community, pulled page by page from the start as `member` sees it. */
export async function pullAll(member: ApiMember): Promise<{ changes: unknown[]; pages: number }> {
  const changes: unknown[] = [];
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const answer = await member.call('GET', `/v1/sync/pull${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (answer.status !== 200) throw new Error(`pull failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    const page = answer.body as { changes: unknown[]; cursor: string; hasMore: boolean };
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, pages };
  }
}
