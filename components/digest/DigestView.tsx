import { useMemo } from 'react';
import type { Digest, PersonToThank, Ritual } from '@/lib/digest';
import type { RitualPost } from '@/lib/rituals';
import { ArchiveSection } from './ArchiveSection';
import { formatters } from './format';
import { GhostTownBanner } from './GhostTownBanner';
import { HarvestSection } from './HarvestSection';
import { HealthSection } from './HealthSection';
import { PeopleSection } from './PeopleSection';
import type { CalendarFeedActions } from './CalendarSubscribe';
import type { WebhookPostActions } from './WebhookPost';
import { RitualsSection } from './RitualsSection';
import { StoriesSection } from './StoriesSection';
import { QuestionsSection } from '../questions/QuestionsSection';
import type { RelayView } from '../questions/RelayControl';
import type { BoardLine, QuestionBoard } from '@/lib/questions';
import type { HelperView } from '@/lib/expertise/panel';
import { UnansweredSection } from './UnansweredSection';
import { WinsSection } from './WinsSection';

export interface DigestActions {
  /** Saves an answer linked to the question; resolves to an error message, or null when saved. */
  answer(questionId: string, text: string): Promise<string | null>;
  /** "Did this answer it?": records the asker's or a facilitator's yes or no. */
  confirm?(line: BoardLine, isAnswered: boolean): Promise<string | null>;
  thank(p: PersonToThank): Promise<string | null>;
  saveRituals(communityId: string, rituals: Ritual[]): void;
  /** The post for a ritual's next occurrence, composed from the community's harvest (null: unreadable date). */
  composeRitual?(communityId: string, ritual: Ritual): Promise<RitualPost | null>;
  copyText?(text: string): Promise<void>;
  /** A community's rituals calendar feed (its schedule as shown); null where this browser has no membership. */
  calendarFeed?(communityId: string, rituals: Ritual[]): CalendarFeedActions | null;
  /** "Post via webhook" for a ritual's composed post; undefined where this browser has no membership. */
  ritualWebhook?(communityId: string, ritual: Ritual): WebhookPostActions | undefined;
  /** "Relay answer": writes the answer into the question's chat thread (see RelayControl). */
  relay?(line: BoardLine, replaceUserDraft: boolean): Promise<RelayView>;
  /** Opens a relayed question's answer (the impact ledger's "relay" source). */
  openAnswer?(answerId: string): void;
  /** "Who might know": two or three suggested members for an open question, with their evidence. */
  whoMightKnow?(questionId: string): Promise<HelperView[]>;
}

/** Every digest section, rendered from one computed digest (no data fetching here). */
export function DigestView({
  digest,
  now,
  locale,
  names,
  actions,
  questions,
}: {
  digest: Digest;
  now: number;
  locale?: string;
  names: Record<string, string>;
  actions: DigestActions;
  /** The question model's view for this member (lib/questions), once the page has computed it. */
  questions?: QuestionBoard | null;
}) {
  const fmt = useMemo(() => formatters(locale, digest.timeZone), [locale, digest.timeZone]);
  return (
    <>
      <GhostTownBanner reasons={digest.ghostTown} />
      {digest.isEmpty && (
        <p className="welcome">Harvest a highlight from any page and your community’s pulse will show here.</p>
      )}
      <div className="digest-grid">
        <HarvestSection harvest={digest.harvest} fmt={fmt} now={now} />
        {questions && actions.confirm && (
          <QuestionsSection
            board={questions}
            fmt={fmt}
            now={now}
            onAnswer={actions.answer}
            onConfirm={actions.confirm}
            {...(actions.relay ? { onRelay: actions.relay } : {})}
            {...(actions.openAnswer ? { onOpenAnswer: actions.openAnswer } : {})}
          />
        )}
        <UnansweredSection
          unanswered={digest.unanswered}
          fmt={fmt}
          now={now}
          onAnswer={actions.answer}
          states={questions?.states}
          {...(actions.whoMightKnow ? { whoMightKnow: actions.whoMightKnow } : {})}
        />
        <WinsSection wins={digest.wins} fmt={fmt} now={now} />
        <RitualsSection
          rituals={digest.rituals}
          names={names}
          fmt={fmt}
          now={now}
          onSave={actions.saveRituals}
          compose={actions.composeRitual}
          copy={actions.copyText}
          calendar={actions.calendarFeed}
          webhook={actions.ritualWebhook}
        />
        <PeopleSection people={digest.people} fmt={fmt} onThank={actions.thank} />
        <StoriesSection stories={digest.stories} fmt={fmt} now={now} />
        <ArchiveSection note={digest.archive} fmt={fmt} now={now} />
        <HealthSection digest={digest} fmt={fmt} />
      </div>
    </>
  );
}
