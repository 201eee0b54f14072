import { client, xml, type Client } from '@xmpp/client';
import type { Element } from '@xmpp/xml';
import type { Prosody } from './prosody';

/** A groupchat message the member saw in the room: who sent it (their nickname) and its body. */
export interface RoomMessage {
  from: string;
  body: string;
}

/** A scripted room member: a real XMPP client (`@xmpp/client`) over c2s, no browser. */
export interface ScriptedMember {
  nick: string;
  room: string;
  /** Sends `text` to the room as a groupchat message. */
  say(text: string): Promise<void>;
  /** Resolves when someone else's groupchat message with exactly `text` arrives (live, not history). */
  receive(text: string, timeoutMs?: number): Promise<RoomMessage>;
  /** Resolves when `nick` is present in the room. */
  seesOccupant(nick: string, timeoutMs?: number): Promise<void>;
  /** Leaves the room and closes the stream. */
  stop(): Promise<void>;
}

/** Waits for `test` to hold over a growing list, or fails naming what it waited for. */
function waitFor<T>(list: T[], listeners: Set<() => void>, test: (x: T) => boolean, what: string, ms: number) {
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      const hit = list.find(test);
      if (hit === undefined) return false;
      clearTimeout(timer);
      listeners.delete(check as () => void);
      resolve(hit);
      return true;
    };
    const timer = setTimeout(() => {
      listeners.delete(check as () => void);
      reject(new Error(`scripted member: no ${what} within ${ms} ms`));
    }, ms);
    if (!check()) listeners.add(check as () => void);
  });
}

/**
 * Logs `user` in over c2s and joins `room@mucDomain` as `nick`; resolves once the room reflected the member's
 * own presence (XEP-0045 status 110), so the member is in it.
 */
export async function joinAsMember(
  server: Prosody,
  user: { name: string; password: string },
  roomName: string,
  nick: string,
): Promise<ScriptedMember> {
  const room = `${roomName}@${server.mucDomain}`;
  const xmpp: Client = client({
    service: server.service,
    domain: server.domain,
    username: user.name,
    password: user.password,
    resource: 'scripted',
  });
  xmpp.reconnect.stop();
  const messages: RoomMessage[] = [];
  const occupants: string[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  let joined: () => void = () => {};
  const isJoined = new Promise<void>((r) => (joined = r));

  xmpp.on('error', () => {}); // failures surface through start() and the waits below
  xmpp.on('stanza', (stanza: Element) => {
    const from = stanza.attrs.from as string | undefined;
    if (!from?.startsWith(`${room}/`)) return;
    const who = from.slice(room.length + 1);
    if (stanza.is('presence') && stanza.attrs.type !== 'unavailable') {
      occupants.push(who);
      const x = stanza.getChild('x', 'http://jabber.org/protocol/muc#user');
      if (x?.getChildren('status').some((s) => s.attrs.code === '110')) joined();
    } else if (stanza.is('message') && stanza.attrs.type === 'groupchat') {
      const body = stanza.getChildText('body');
      const isHistory = !!stanza.getChild('delay', 'urn:xmpp:delay');
      if (body !== null && !isHistory && who !== nick) messages.push({ from: who, body });
    }
    notify();
  });

  await xmpp.start();
  await xmpp.send(xml('presence', {}));
  await xmpp.send(
    xml(
      'presence',
      { to: `${room}/${nick}` },
      xml('x', { xmlns: 'http://jabber.org/protocol/muc' }, xml('history', { maxstanzas: '0' })),
    ),
  );
  await Promise.race([
    isJoined,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${nick} could not join ${room}`)), 10_000)),
  ]);

  return {
    nick,
    room,
    say: (text) => xmpp.send(xml('message', { to: room, type: 'groupchat' }, xml('body', {}, text))),
    receive: (text, ms = 15_000) => waitFor(messages, listeners, (m) => m.body === text, `room message "${text}"`, ms),
    seesOccupant: async (who, ms = 15_000) => {
      await waitFor(occupants, listeners, (o) => o === who, `occupant "${who}"`, ms);
    },
    async stop() {
      if (xmpp.status === 'offline') return;
      await xmpp.send(xml('presence', { to: `${room}/${nick}`, type: 'unavailable' })).catch(() => {});
      await xmpp.stop().catch(() => {});
    },
  };
}
