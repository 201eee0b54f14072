import type { ReportBlock } from '@/lib/impact/document';

/**
 * The report's blocks as HTML: the same words as its Markdown (lib/impact/markdown.ts). Everything is a React
 * text child, so member text (note titles, names) can never become markup.
 */
export function ReportBlocks({ blocks }: { blocks: ReportBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'heading':
            return b.level === 1 ? (
              <h1 key={i}>{b.text}</h1>
            ) : b.level === 2 ? (
              <h2 key={i}>{b.text}</h2>
            ) : (
              <h3 key={i}>{b.text}</h3>
            );
          case 'paragraph':
            return <p key={i}>{b.text}</p>;
          case 'list':
            return (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            );
          case 'table':
            return (
              <table key={i}>
                <thead>
                  <tr>
                    {b.head.map((h, j) => (
                      <th key={j} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {b.rows.map((row, j) => (
                    <tr key={j}>
                      {row.map((c, m) =>
                        m === 0 ? (
                          <th key={m} scope="row">
                            {c}
                          </th>
                        ) : (
                          <td key={m}>{c}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
        }
      })}
    </>
  );
}
