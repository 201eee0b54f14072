import { Hono } from 'hono';
import { JoinRequestSchema, type JoinResponse } from '../../../lib/sync/protocol';
import { getCommunity, getMember } from '../db/rows';
import { redeemInvite } from '../db/join';
import { ApiHttpError } from '../http/errors';
import type { AppEnv } from '../http/env';
import { readJson } from '../http/validate';

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Join a Commonplace community</title>
<main><h1>Join a Commonplace community</h1><p>Copy this page's full address (the part after # is your invite)
and paste it into Commonplace's options page, under "Join a community".</p></main></html>`;

/** Joining trades an invite code for a member token; the only call without a token, so it is rate limited harder. */
export const join = new Hono<AppEnv>()
  .get('/join', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'");
    return c.html(PAGE);
  })
  .post('/v1/join', async (c) => {
    const { db, now, limiters } = c.var.services;
    const wait = await limiters.joinPerIp.take(c.var.ip);
    if (wait) throw new ApiHttpError(429, 'rate_limited', 'Too many join attempts', { 'Retry-After': String(wait) });
    const body = await readJson(c, JoinRequestSchema);
    const outcome = await redeemInvite(db, body.code, body.displayName, now());
    if (!outcome.ok && outcome.isNameTaken) throw new ApiHttpError(409, 'conflict', outcome.reason);
    if (!outcome.ok) throw new ApiHttpError(403, 'invite_invalid', outcome.reason);
    const member = await getMember(db, outcome.communityId, outcome.memberId);
    const community = await getCommunity(db, outcome.communityId);
    const response: JoinResponse = {
      token: outcome.token,
      tokenId: outcome.tokenId,
      member: member!,
      community: community!,
    };
    return c.json(response, 201);
  });
