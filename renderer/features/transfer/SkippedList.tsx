import { useId } from 'react';

/** What an export or import left out, each with why. Nothing when nothing was skipped. */
export function SkippedList({ items }: { items: readonly { name: string; reason: string }[] }) {
  const id = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="report-section">
      <h3 id={id}>Skipped {items.length}</h3>
      <ul className="report-list">
        {items.map((item, index) => (
          // By position: one source can be skipped more than once (a file with several bad conversations).
          <li key={index}>
            <span className="report-name">{item.name}</span>: {item.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
