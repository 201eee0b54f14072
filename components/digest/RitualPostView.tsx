import type { Inline, RitualPost } from '@/lib/rituals';

function Inlines({ content }: { content: readonly Inline[] }) {
  return content.map((i, k) =>
    i.type === 'link' ? (
      <a key={k} href={i.url} target="_blank" rel="noreferrer noopener">
        {i.text}
      </a>
    ) : i.type === 'strong' ? (
      <strong key={k}>{i.text}</strong>
    ) : (
      <span key={k}>{i.text}</span>
    ),
  );
}

/** A composed ritual post as it will read: member words as React text (never markup), links to the notes' pages. */
export function RitualPostView({ post }: { post: RitualPost }) {
  return (
    <article className="ritual-post" aria-label={`Preview: ${post.title}`}>
      {post.blocks.map((b, k) => {
        switch (b.type) {
          case 'heading':
            return k === 0 ? <h4 key={k}>{b.text}</h4> : <h5 key={k}>{b.text}</h5>;
          case 'paragraph':
            return (
              <p key={k}>
                <Inlines content={b.content} />
              </p>
            );
          case 'list':
            return (
              <ul key={k}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <Inlines content={item} />
                  </li>
                ))}
              </ul>
            );
          case 'context':
            return (
              <p key={k} className="ritual-post-context">
                <small>
                  <Inlines content={b.content} />
                </small>
              </p>
            );
          case 'divider':
            return <hr key={k} />;
        }
      })}
    </article>
  );
}
