import { startConverseServer, type ConverseServer } from './converse-server';
import { joinAsMember, type ScriptedMember } from './member';
import { startProsody, type Prosody } from './prosody';

/** A room on a fresh prosody, a scripted member in it, and converse.js served to log `user` in and join it. */
export interface LiveRoom {
  prosody: Prosody;
  member: ScriptedMember;
  converse: ConverseServer;
  /** The converse.js page's address: open it and the user is logged in and in the room. */
  url: string;
  /** Member leaves, servers stop; resolves with prosody's exit code. Safe to call twice. */
  stop(): Promise<number | null>;
}

/**
 * Starts prosody, registers `user` and `member` (`prosodyctl register`), has the member join `room` and serves
 * converse.js logging `user` in to it. Whatever started is stopped again when a later step fails.
 */
export async function startLiveRoom(opts: {
  room: string;
  user: { name: string; password: string; nick: string };
  member: { name: string; password: string; nick: string };
}): Promise<LiveRoom> {
  const prosody = await startProsody();
  let member: ScriptedMember | undefined;
  try {
    prosody.register(opts.user.name, opts.user.password);
    prosody.register(opts.member.name, opts.member.password);
    member = await joinAsMember(prosody, opts.member, opts.room, opts.member.nick);
    const converse = await startConverseServer({
      jid: `${opts.user.name}@${prosody.domain}`,
      password: opts.user.password,
      websocketUrl: prosody.websocketUrl,
      rooms: [member.room],
      nickname: opts.user.nick,
    });
    const joined = member;
    return {
      prosody,
      member: joined,
      converse,
      url: converse.origin,
      async stop() {
        await joined.stop();
        await converse.close();
        return prosody.stop();
      },
    };
  } catch (error) {
    await member?.stop();
    await prosody.stop();
    throw error;
  }
}
