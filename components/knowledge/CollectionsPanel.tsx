import { useState } from 'react';
import type { Collection } from '../../lib/collections';
import { collectionWikiSource, slug, wikiPage } from '../../lib/export';
import type { Note } from '../../lib/model';
import { CollectionEditor } from './CollectionEditor';
import { pageHtmlToMarkdown } from './ExportSection';
import { saveFile } from './save-file';
import { WikiPreview } from './WikiPreview';

export interface CollectionsPanelProps {
  /** From useLiveQuery(() => collectionsRepository(db).list()). */
  collections: Collection[];
  /** Live notes (own and community) a collection may hold. */
  notes: Note[];
  /** The repository's methods (lib/db/collections.ts); results are shown by the live query re-rendering. */
  onCreate: (name: string) => void;
  onRename: (id: string, name: string) => void;
  onDelete: (id: string) => void;
  onAddNote: (id: string, noteId: string) => void;
  onRemoveNote: (id: string, noteId: string) => void;
  onMove: (id: string, noteId: string, to: number) => void;
  /** Defaults to navigator.clipboard.writeText. */
  copy?: (text: string) => Promise<void>;
  download?: (filename: string, data: Blob) => void;
}

/** Collections: create, pick, order by hand, and turn into a wiki page to copy or download. */
export function CollectionsPanel(props: CollectionsPanelProps) {
  const { collections, notes } = props;
  const [newName, setNewName] = useState('');
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const selected = collections.find((c) => c.id === selectedId) ?? collections[0];
  const markdown = selected
    ? wikiPage(collectionWikiSource(selected, notes), { htmlToMarkdown: pageHtmlToMarkdown })
    : '';
  return (
    <section aria-labelledby="cp-collections-h">
      <h3 id="cp-collections-h">Collections</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (newName.trim()) props.onCreate(newName.trim());
          setNewName('');
        }}
      >
        <label>
          New collection name <input value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={200} />
        </label>
        <button type="submit">Create collection</button>
      </form>
      {collections.length > 0 && (
        <label>
          Collection
          <select value={selected?.id ?? ''} onChange={(e) => setSelectedId(e.target.value)}>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.noteIds.length})
              </option>
            ))}
          </select>
        </label>
      )}
      {selected && (
        <>
          <CollectionEditor
            key={selected.id}
            collection={selected}
            notes={notes}
            onRename={(name) => props.onRename(selected.id, name)}
            onAddNote={(noteId) => props.onAddNote(selected.id, noteId)}
            onRemoveNote={(noteId) => props.onRemoveNote(selected.id, noteId)}
            onMove={(noteId, to) => props.onMove(selected.id, noteId, to)}
          />
          <button type="button" onClick={() => props.onDelete(selected.id)}>
            Delete collection “{selected.name}”
          </button>
          <h4>Wiki page</h4>
          <WikiPreview
            markdown={markdown}
            filename={`${slug(selected.name)}.md`}
            onCopy={props.copy ?? ((t) => navigator.clipboard.writeText(t))}
            onDownload={props.download ?? saveFile}
          />
        </>
      )}
    </section>
  );
}
