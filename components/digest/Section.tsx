import { useId, type ReactNode } from 'react';

/** A digest section: a landmark named by its heading, so screen-reader users can jump between sections. */
export function Section({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`digest-section ${className ?? ''}`}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
