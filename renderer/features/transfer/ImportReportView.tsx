import { useId } from 'react';
import type { ImportReport } from '../../../shared/ipc';
import { countOf } from '../../lib/format';
import { UNTITLED } from '../history/untitled';
import { SettingsOffer } from './SettingsOffer';
import { SkippedList } from './SkippedList';
import './transfer.css';

/** Every conversation imported (with what of it was left out) and every file or conversation skipped, with why: nothing left out; and a backup's settings, offered. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const id = useId();
  const { imported, skipped, notes = [], settings } = report;

  return (
    <div className="stack import-report">
      <section aria-labelledby={`${id}-imported`} className="report-section">
        <h3 id={`${id}-imported`}>Imported {countOf(imported.length, 'conversation')}</h3>
        {imported.length > 0 && (
          <ul className="report-list">
            {imported.map((item) => (
              <li key={item.id}>
                {item.title || UNTITLED}
                {item.notes && item.notes.length > 0 && (
                  <ul className="report-notes" aria-label={`Left out of ${item.title || UNTITLED}`}>
                    {item.notes.map((note) => (
                      <li key={note}>{note}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {notes.length > 0 && (
        <ul className="report-list report-notes" aria-label="Also restored">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {settings && <SettingsOffer offer={settings} />}
      <SkippedList items={skipped.map((item) => ({ name: item.source, reason: item.reason }))} />
    </div>
  );
}
