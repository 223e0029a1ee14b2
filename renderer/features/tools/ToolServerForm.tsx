import { useId, useState, type FormEvent } from 'react';
import type { SecretHint, ToolServerFields, ToolServerView } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { toAppError } from '../../lib/errors';
import { InsecureKeyConsent } from '../setup/InsecureKeyConsent';
import { checkDraft, draftOf, EMPTY_DRAFT, type DraftField, type ServerDraft } from './serverDraft';

interface ToolServerFormProps {
  /** The server being edited; null adds a new one. */
  editing: ToolServerView | null;
  onSaved: (server: ToolServerView) => void;
  onCancel: () => void;
}

/** What is stored for each secret entry, never its value: its name and, for long values, the last characters. */
function StoredSecrets({ entries, id }: { entries: SecretHint[]; id: string }) {
  if (entries.length === 0) return null;
  return (
    <p id={id} className="hint">
      Stored values are not shown; a line with the name alone keeps it:{' '}
      {entries.map((entry) => (entry.hint ? `${entry.name} (ends in ${entry.hint})` : entry.name)).join(', ')}.
    </p>
  );
}

/** "Add MCP server" and "Edit": a command (stdio) or a URL (HTTP), with its environment or headers. */
export function ToolServerForm({ editing, onSaved, onCancel }: ToolServerFormProps) {
  const api = useParley();
  const id = useId();
  const [draft, setDraft] = useState<ServerDraft>(() => (editing ? draftOf(editing) : EMPTY_DRAFT));
  const [problem, setProblem] = useState<{ field: DraftField | null; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  /** Main could only obfuscate the secrets: it asks before keeping them so. */
  const [insecure, setInsecure] = useState<{ fields: ToolServerFields; message: string } | null>(null);

  const edit = (patch: Partial<ServerDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setProblem(null);
  };

  async function save(fields: ToolServerFields, allowInsecure?: boolean) {
    setSaving(true);
    try {
      const insecureFlag = allowInsecure ? { allowInsecure } : {};
      onSaved(editing ? await api.updateToolServer({ id: editing.id, fields, ...insecureFlag }) : await api.addToolServer({ fields, ...insecureFlag }));
    } catch (caught) {
      const error = toAppError(caught);
      if (error.code === 'insecure-storage') setInsecure({ fields, message: error.message });
      else setProblem({ field: null, message: error.message });
    } finally {
      setSaving(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkDraft(draft, editing);
    if (!checked.ok) {
      setProblem({ field: checked.field, message: checked.message });
      document.getElementById(`${id}-${checked.field}`)?.focus();
      return;
    }
    void save(checked.fields);
  }

  /** The props of a field: its id, and the error it caused, if any. */
  const fieldProps = (field: DraftField) => ({
    id: `${id}-${field}`,
    'aria-invalid': problem?.field === field || undefined,
    'aria-describedby': problem?.field === field ? `${id}-problem` : undefined,
  });
  const title = editing ? `Edit ${editing.name}` : 'Add MCP server';

  return (
    <form className="tool-server-form" aria-label={title} onSubmit={onSubmit} noValidate>
      <h4>{title}</h4>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input {...fieldProps('name')} type="text" autoComplete="off" spellCheck={false} value={draft.name} onChange={(event) => edit({ name: event.target.value })} />
      </div>
      <fieldset className="tool-transport">
        <legend>Transport</legend>
        <label>
          <input type="radio" name={`${id}-transport`} checked={draft.transport === 'stdio'} onChange={() => edit({ transport: 'stdio' })} />
          Command (stdio)
        </label>
        <label>
          <input type="radio" name={`${id}-transport`} checked={draft.transport === 'http'} onChange={() => edit({ transport: 'http' })} />
          URL (HTTP)
        </label>
      </fieldset>
      {draft.transport === 'stdio' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-command`}>Command</label>
            <input {...fieldProps('command')} type="text" placeholder="npx" autoComplete="off" spellCheck={false} value={draft.command} onChange={(event) => edit({ command: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-args`}>Arguments</label>
            <textarea {...fieldProps('args')} rows={3} spellCheck={false} placeholder={'-y\n@modelcontextprotocol/server-everything'} value={draft.args} onChange={(event) => edit({ args: event.target.value })} />
            <p className="hint">One per line.</p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-env`}>Environment</label>
            <textarea {...fieldProps('env')} rows={2} spellCheck={false} placeholder="API_TOKEN=…" value={draft.env} onChange={(event) => edit({ env: event.target.value })} />
            <p className="hint">NAME=value, one per line. Values are encrypted like API keys and never shown again.</p>
            {editing?.transport === 'stdio' && <StoredSecrets entries={editing.env} id={`${id}-env-stored`} />}
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-url`}>URL</label>
            <input {...fieldProps('url')} type="url" placeholder="https://example.com/mcp" spellCheck={false} value={draft.url} onChange={(event) => edit({ url: event.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-headers`}>Headers</label>
            <textarea {...fieldProps('headers')} rows={2} spellCheck={false} placeholder="Authorization: Bearer …" value={draft.headers} onChange={(event) => edit({ headers: event.target.value })} />
            <p className="hint">Name: value, one per line. Values are encrypted like API keys and never shown again.</p>
            {editing?.transport === 'http' && <StoredSecrets entries={editing.headers} id={`${id}-headers-stored`} />}
          </div>
        </>
      )}
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error-text">
          {problem.message}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {editing ? 'Save server' : 'Add server'}
        </button>
      </div>
      {insecure && (
        <InsecureKeyConsent
          message={insecure.message}
          onCancel={() => setInsecure(null)}
          onAgree={() => {
            const { fields } = insecure;
            setInsecure(null);
            void save(fields, true);
          }}
        />
      )}
    </form>
  );
}
