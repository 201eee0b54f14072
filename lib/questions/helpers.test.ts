import { describe, expect, it } from 'vitest';
import { whoMightKnow } from '../expertise/panel';
import type { Note } from '../model';
import { answer, question as tagged, relayed, T0 } from '../testing/questions';
import { helperRouter } from './helpers';
import { HOUR_MS } from './ladder';

const DM = { platform: 'slack' as const, channel: 'dm', messages: [], isPrivate: true };
const at = (h: number) => T0 + h * HOUR_MS;
/** A question as harvested from a chat: no tags, no takeaway, only its words. */
const question = (by: string, over: Partial<Note> = {}) => tagged(by, { tags: [], ...over });

describe('the helpers rung routes through who-knows-what', () => {
  // Three earlier questions, answered by three members: kafka lag (bob), the staging password (cy, in a DM),
  // the on-call rota (dan). None is tagged: their words are their topics.
  const kafka = question('ann', { quote: 'Why does the kafka consumer lag spike after deploys?', createdAt: at(-90) });
  const secret = question('ann', { quote: 'Where is the staging password vault?', createdAt: at(-80), chat: DM });
  const rota = question('eve', { quote: 'Who keeps the payments oncall rota?', createdAt: at(-70) });
  const notes = [
    kafka,
    secret,
    rota,
    answer(kafka, 'bob', at(-89)),
    answer(secret, 'cy', at(-79)),
    answer(rota, 'dan', at(-69)),
  ];
  const route = (q: Note, extra = notes, optedOut = new Set<string>(), now = at(12)) =>
    helperRouter({ notes: [...extra, q], events: [], now, optedOut })(q);

  it('finds who answered on the question’s own words (a chat question with no tags or takeaway)', () => {
    expect(route(question('eve', { quote: 'The kafka consumer lag is back, any fix?' }))).toEqual(['bob']);
    expect(route(question('ann', { quote: 'Who is on the payments oncall rota this week?' }))).toEqual(['dan']);
  });

  it('never counts private evidence, never routes to an opted-out member or the asker', () => {
    expect(route(question('eve', { quote: 'How do I open the staging password vault?' }))).toEqual([]);
    expect(route(question('eve', { quote: 'kafka consumer lag again' }), notes, new Set(['bob']))).toEqual([]);
    expect(route(question('bob', { quote: 'kafka consumer lag again' }))).toEqual([]);
  });

  it('does not see notes or events dated after now', () => {
    const q = question('eve', { quote: 'kafka consumer lag again', createdAt: at(0) });
    const late = answer(kafka, 'fay', at(20));
    expect(route(q, [...notes, late], new Set(), at(12))).toEqual(['bob']);
    expect(route(q, [...notes, late], new Set(), at(21)).sort()).toEqual(['bob', 'fay']);
  });

  it('puts the member asked lately after an equally fit one (the same load the panel uses)', () => {
    const twin = question('ann', { quote: 'Why does the kafka consumer lag spike after deploys?', createdAt: at(-90) });
    const base = [...notes, twin, answer(twin, 'abe', at(-89))];
    const q = question('eve', { quote: 'kafka consumer lag again' });
    expect(route(q, base)).toEqual(['abe', 'bob']); // a tie, by id
    const busy = question('eve', { quote: 'Budget for the offsite?', createdAt: at(-2) });
    const events = [relayed({ questionId: busy.id, answerId: busy.id, by: 'abe', at: at(-1) })];
    const all = [...base, busy, q];
    const helpers = helperRouter({ notes: all, events, now: at(12) })(q);
    expect(helpers).toEqual(['bob', 'abe']);
    // One routing for the panel and the ladder: the same people, in the same order.
    const panel = whoMightKnow({
      notes: all,
      events,
      thanks: [],
      questionIds: [q.id],
      optedOut: new Set(),
      now: at(12),
    });
    expect(panel[q.id]!.map((h) => h.memberId)).toEqual(helpers);
  });
});
