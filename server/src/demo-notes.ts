/** Demo content: what a community of practice of web developers might harvest in a week. Real pages. */
export interface DemoNote {
  by: number;
  kind: 'insight' | 'question' | 'answer' | 'win' | 'story' | 'snippet' | 'template' | 'link';
  url: string;
  title: string;
  siteName: string;
  quote: string;
  takeaway: string;
  tags: string[];
  thankedBy: number[];
}

export const DEMO_MEMBERS = ['Ana Ferreira', 'Ben Okafor', 'Chidi Mensah', 'Dana Kowalski'] as const;

export const DEMO_NOTES: DemoNote[] = [
  {
    by: 0,
    kind: 'insight',
    url: 'https://www.postgresql.org/docs/15/transaction-iso.html',
    title: 'PostgreSQL: Documentation: 15: 13.2. Transaction Isolation',
    siteName: 'PostgreSQL Documentation',
    quote: 'Read Committed is the default isolation level in PostgreSQL.',
    takeaway:
      'Each statement sees a fresh snapshot under Read Committed: re-check invariants inside the same statement or lock the row.',
    tags: ['postgres', 'concurrency'],
    thankedBy: [1, 2],
  },
  {
    by: 1,
    kind: 'snippet',
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/AbortController',
    title: 'AbortController - Web APIs | MDN',
    siteName: 'MDN Web Docs',
    quote:
      'The AbortController interface represents a controller object that allows you to abort one or more Web requests as and when desired.',
    takeaway: 'One controller per component lifetime; pass its signal to every fetch and listener, abort on unmount.',
    tags: ['javascript', 'cleanup'],
    thankedBy: [0, 3],
  },
  {
    by: 2,
    kind: 'question',
    url: 'https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle',
    title: 'The extension service worker lifecycle | Chrome for Developers',
    siteName: 'Chrome for Developers',
    quote: 'Chrome terminates a service worker after 30 seconds of inactivity.',
    takeaway: 'How do you keep a long sync alive in MV3? Persist progress after every batch and resume from storage?',
    tags: ['extensions', 'mv3'],
    thankedBy: [],
  },
  {
    by: 3,
    kind: 'answer',
    url: 'https://developer.chrome.com/docs/extensions/reference/api/alarms',
    title: 'chrome.alarms | API | Chrome for Developers',
    siteName: 'Chrome for Developers',
    quote: 'Use the chrome.alarms API to schedule code to run periodically or at a specified time in the future.',
    takeaway: 'Alarms wake the worker again: store a cursor in IndexedDB and let each wake-up do one bounded batch.',
    tags: ['extensions', 'mv3', 'sync'],
    thankedBy: [2],
  },
  {
    by: 0,
    kind: 'win',
    url: 'https://web.dev/articles/optimize-inp',
    title: 'Optimize Interaction to Next Paint | web.dev',
    siteName: 'web.dev',
    quote: 'Yield to the main thread often.',
    takeaway:
      'Splitting our search indexing into 50 ms chunks took INP from 480 ms to 90 ms on the low-end test phone.',
    tags: ['performance', 'inp'],
    thankedBy: [1, 2, 3],
  },
  {
    by: 1,
    kind: 'insight',
    url: 'https://www.w3.org/TR/annotation-model/#text-quote-selector',
    title: 'Web Annotation Data Model',
    siteName: 'W3C',
    quote:
      'The TextQuoteSelector describes a range of text by copying it, and including some of the text immediately before and after it.',
    takeaway:
      'Quote plus ~32 characters of context survives most page edits; keep the position selector only as a fast first guess.',
    tags: ['annotation', 'anchoring'],
    thankedBy: [3],
  },
  {
    by: 2,
    kind: 'story',
    url: 'https://martin.kleppmann.com/2020/07/06/crdt-hard-parts-hydra.html',
    title: 'CRDTs: The Hard Parts',
    siteName: 'Martin Kleppmann',
    quote: 'Last-writer-wins is simple, but it silently discards concurrent updates.',
    takeaway:
      'We lost a week of edits to LWW on whole documents; per-field stamps or author-only edits avoid most of the pain.',
    tags: ['sync', 'crdt'],
    thankedBy: [0],
  },
  {
    by: 3,
    kind: 'template',
    url: 'https://www.atlassian.com/team-playbook/plays/retrospective',
    title: 'Retrospective | Atlassian Team Playbook',
    siteName: 'Atlassian',
    quote: 'What went well? What could be improved? What will we commit to improve in the next sprint?',
    takeaway: 'Our retro template: three questions, five minutes silent writing each, then dot-vote one action.',
    tags: ['facilitation', 'retro'],
    thankedBy: [0, 1],
  },
  {
    by: 0,
    kind: 'link',
    url: 'https://owasp.org/www-project-top-ten/',
    title: 'OWASP Top Ten',
    siteName: 'OWASP',
    quote: 'The OWASP Top 10 is a standard awareness document for developers and web application security.',
    takeaway: 'Read before every security review; broken access control has been number one since 2021.',
    tags: ['security'],
    thankedBy: [],
  },
  {
    by: 1,
    kind: 'answer',
    url: 'https://hono.dev/docs/guides/testing',
    title: 'Testing - Hono',
    siteName: 'Hono',
    quote: 'You can test your application with app.request().',
    takeaway: 'No port needed in tests: build the app with its dependencies and call app.request().',
    tags: ['testing', 'hono'],
    thankedBy: [2],
  },
];
