import { useId, useRef, useState } from 'react';

export interface SearchResultLine {
  id: string;
  title: string;
}

/**
 * The new tab's search box, focused on open. It owns no index: `search` is handed in, so the page can load
 * the search index lazily (after the digest has painted) and the lead can swap in the popup's shared index.
 */
export function DigestSearch({
  search,
  onOpen,
}: {
  search: (query: string) => Promise<SearchResultLine[]>;
  onOpen: (id: string) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchResultLine[]>([]);
  const latest = useRef(0);
  const change = (next: string) => {
    setQuery(next);
    const ticket = ++latest.current;
    if (!next.trim()) return setHits([]);
    void search(next).then((h) => {
      if (ticket === latest.current) setHits(h);
    });
  };
  return (
    <div role="search" className="digest-search">
      <label htmlFor={id} className="visually-hidden">
        Search harvested notes
      </label>
      <input
        id={id}
        type="search"
        autoFocus
        placeholder="Search your communities’ harvest"
        value={query}
        onChange={(e) => change(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) onOpen(hits[0].id);
          if (e.key === 'Escape') change('');
        }}
      />
      {hits.length > 0 && (
        <ul className="search-hits" aria-label="Search results">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="link-button" onClick={() => onOpen(h.id)}>
                {h.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
