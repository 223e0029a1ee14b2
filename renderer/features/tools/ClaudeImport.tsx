import { useId, useState, type FormEvent } from 'react';
import type { ToolServerImportReport } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { toAppError } from '../../lib/errors';
import { InsecureKeyConsent } from '../setup/InsecureKeyConsent';

/** "Import from Claude desktop config": its `mcpServers` JSON, pasted or from a file, and what became of each server. */
export function ClaudeImport({ onClose }: { onClose: () => void }) {
  const api = useParley();
  const id = useId();
  const [content, setContent] = useState('');
  const [report, setReport] = useState<ToolServerImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [insecure, setInsecure] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  async function run(allowInsecure?: boolean) {
    setImporting(true);
    setError(null);
    try {
      setReport(await api.importClaudeConfig({ content, ...(allowInsecure ? { allowInsecure } : {}) }));
    } catch (caught) {
      const failure = toAppError(caught);
      if (failure.code === 'insecure-storage') setInsecure(failure.message);
      else setError(failure.message);
    } finally {
      setImporting(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (content.trim() === '') {
      setError('Paste the config or choose its file first.');
      return;
    }
    void run();
  }

  return (
    <form className="tool-import" aria-label="Import from Claude desktop config" onSubmit={onSubmit} noValidate>
      <h4>Import from Claude desktop config</h4>
      <div className="field">
        <label htmlFor={`${id}-json`}>Config (JSON)</label>
        <textarea
          id={`${id}-json`}
          rows={5}
          spellCheck={false}
          placeholder={'{ "mcpServers": { "name": { "command": "npx", "args": [], "env": {} } } }'}
          value={content}
          onChange={(event) => {
            setContent(event.target.value);
            setError(null);
          }}
        />
        <p className="hint">claude_desktop_config.json: paste it, or choose the file.</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>Config file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then(setContent, () => setError(`Parley could not read ${file.name}.`));
          }}
        />
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {report && (
        <div className="tool-import-report" role="status">
          <p>{report.added.length === 0 ? 'No server was added.' : `Added: ${report.added.map((server) => server.name).join(', ')}.`}</p>
          {report.skipped.length > 0 && (
            <ul aria-label="Skipped">
              {report.skipped.map((skipped) => (
                <li key={skipped.name}>
                  Skipped {skipped.name}: {skipped.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {report ? 'Done' : 'Cancel'}
        </button>
        <button type="submit" className="primary" disabled={importing}>
          Import
        </button>
      </div>
      {insecure && (
        <InsecureKeyConsent
          message={insecure}
          onCancel={() => setInsecure(null)}
          onAgree={() => {
            setInsecure(null);
            void run(true);
          }}
        />
      )}
    </form>
  );
}
