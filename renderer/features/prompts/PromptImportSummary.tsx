import type { PromptImportReport } from '../../../shared/ipc';

/** What "Import prompts" did: counts, and each prompt left out with why. */
export function PromptImportSummary({ report }: { report: PromptImportReport }) {
  const { added, updated, skipped } = report;
  return (
    <div className="stack prompt-import-report">
      <p>
        Imported prompts: {added.length} added, {updated.length} updated, {skipped.length} skipped.
      </p>
      {skipped.length > 0 && (
        <ul aria-label="Skipped prompts">
          {skipped.map((item, index) => (
            <li key={index}>
              {item.name}: {item.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
