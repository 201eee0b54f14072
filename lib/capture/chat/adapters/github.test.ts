import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../../../../tests/fixtures/chat/load';
import { github, selectors } from './github';

/**
 * GitHub renames hashed classes on every deploy and has moved markup twice: each real fixture must still read
 * in full when one layer of its markup drifts, through the structure fallbacks inside the adapter.
 */
const all = loadFixtures('github');
const fixtures = all.filter((f) => f.name === 'issue-react' || f.name === 'pull-timeline');

function readDrifted(name: string, drift: (doc: Document) => void) {
  const f = fixtures.find((x) => x.name === name)!;
  const { doc } = f.open();
  drift(doc);
  return { got: github.messagesIn(doc).map((el) => github.readMessage(el)), want: f.expected.messages };
}

const stripAttribute = (attr: string) => (doc: Document) => {
  for (const el of Array.from(doc.body.querySelectorAll(`[${attr}]`))) el.removeAttribute(attr);
};

describe('github adapter when markup drifts', () => {
  it('has real fixtures of both markups to drift', () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(['issue-react', 'pull-timeline']);
  });

  it.each(['issue-react', 'pull-timeline'])('%s: reads every field with every class name gone', (name) => {
    const { got, want } = readDrifted(name, stripAttribute('class'));
    expect(got).toEqual(want);
  });

  it('issue-react: reads every field with every data-testid gone (classes and GitHub anchors remain)', () => {
    const { got, want } = readDrifted('issue-react', stripAttribute('data-testid'));
    expect(got).toEqual(want);
  });

  it('issue-react: finds comments by their test ids alone, without the react-issue-* classes', () => {
    const { got, want } = readDrifted('issue-react', (doc) => {
      for (const el of Array.from(doc.querySelectorAll('.react-issue-body, .react-issue-comment'))) {
        el.classList.remove('react-issue-body', 'react-issue-comment');
      }
    });
    expect(got).toEqual(want);
  });

  it('pull-timeline: without a body class, reads the comment minus its header, never an empty text', () => {
    const { got, want } = readDrifted('pull-timeline', (doc) => {
      for (const el of Array.from(doc.querySelectorAll('.comment-body'))) el.classList.remove('comment-body');
      for (const el of Array.from(doc.querySelectorAll('.markdown-body'))) el.classList.remove('markdown-body');
    });
    expect(got.map((m) => m.text)).toEqual(want.map((m) => m.text));
  });

  it('reads a pull request description nested in its issue wrapper as one message, the outer one', () => {
    const { doc } = fixtures.find((x) => x.name === 'pull-timeline')!.open();
    const inner = doc.getElementById('pullrequest-4100000001')!;
    const outer = doc.createElement('div');
    outer.className = 'timeline-comment-group';
    outer.id = 'issue-4100000002';
    inner.replaceWith(outer);
    outer.append(inner);
    const ids = github.messagesIn(doc).map((el) => github.readMessage(el).id);
    expect(ids[0]).toBe('issue-4100000002');
    expect(ids).not.toContain('pullrequest-4100000001');
    expect(github.messageAt(inner.querySelector('p')!)).toBe(outer);
  });

  it('keeps a discussion reply nested inside the comment it answers as a message of its own', () => {
    const f = all.find((x) => x.name === 'thread')!;
    const { doc } = f.open();
    const parent = doc.getElementById('discussioncomment-9001')!;
    const reply = doc.getElementById('discussioncomment-9015')!;
    parent.append(reply.closest('.TimelineItem') ?? reply);
    const read = github.messagesIn(doc).map((el) => github.readMessage(el));
    expect(read).toEqual(f.expected.messages);
    expect(github.messageAt(reply.querySelector('.comment-body')!)).toBe(reply);
  });

  it.each(['channel', 'thread', 'issue-react', 'pull-timeline'])(
    '%s: with every attribute gone from the comment bodies, still reads each comment’s words and nothing else',
    (name) => {
      const f = all.find((x) => x.name === name)!;
      const { doc } = f.open();
      for (const body of Array.from(doc.querySelectorAll(selectors.body))) {
        for (const a of Array.from(body.attributes)) body.removeAttribute(a.name);
      }
      const texts = github.messagesIn(doc).map((el) => github.readMessage(el).text);
      expect(texts).toEqual(f.expected.messages.map((m) => m.text));
    },
  );
});
