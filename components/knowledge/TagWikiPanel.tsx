import { useState } from 'react';
import { slug, tagWikiSource, wikiPage } from '../../lib/export';
import type { Note } from '../../lib/model';
import { pageHtmlToMarkdown } from './ExportSection';
import { saveFile } from './save-file';
import { WikiPreview } from './WikiPreview';

export interface TagWikiPanelProps {
  /** Live notes (own and community). */
  notes: Note[];
  /** Tags to offer, most used first (notes repository tagCounts()). */
  tags: string[];
  copy?: (text: string) => Promise<void>;
  download?: (filename: string, data: Blob) => void;
}

/** A wiki page from everything under one tag: pick the tag, copy or download the Markdown. */
export function TagWikiPanel({ notes, tags, copy, download }: TagWikiPanelProps) {
  const [tag, setTag] = useState('');
  const chosen = tag || tags[0] || '';
  return (
    <section aria-labelledby="cp-tag-wiki-h">
      <h3 id="cp-tag-wiki-h">Wiki page from a tag</h3>
      <label>
        Tag
        <select value={chosen} onChange={(e) => setTag(e.target.value)}>
          {tags.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <WikiPreview
          markdown={wikiPage(tagWikiSource(chosen, notes), { htmlToMarkdown: pageHtmlToMarkdown })}
          filename={`${slug(chosen)}.md`}
          onCopy={copy ?? ((t) => navigator.clipboard.writeText(t))}
          onDownload={download ?? saveFile}
        />
      )}
    </section>
  );
}
