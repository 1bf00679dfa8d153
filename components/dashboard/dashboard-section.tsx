import { useId, type ReactNode } from 'react';

/** One KPI family: a landmark named by its heading, so a manager (or a test) can jump to it. */
export function DashboardSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="dash-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** Says why a section is empty and what would fill it, instead of an empty table. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}
