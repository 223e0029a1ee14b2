import { useId, useState } from 'react';
import { useParley } from '../../lib/ParleyContext';
import { ClaudeImport } from './ClaudeImport';
import { ToolServerCard } from './ToolServerCard';
import { ToolServerForm } from './ToolServerForm';
import { useToolServers } from './useToolServers';
import './tools.css';

/** What the section shows under its servers: nothing, the form (new or editing one), or the import. */
type Panel = { kind: 'none' } | { kind: 'form'; editingId: string | null } | { kind: 'import' };

/**
 * Settings › Tools: the MCP servers whose tools models may call, each call asked first. Self-
 * contained, so the settings dialog only mounts it.
 */
export function ToolsSettings() {
  const api = useParley();
  const id = useId();
  const { servers, error, show } = useToolServers(api);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const close = () => setPanel({ kind: 'none' });
  const editing = panel.kind === 'form' && panel.editingId !== null ? (servers?.find((server) => server.id === panel.editingId) ?? null) : null;

  return (
    <section className="settings-section tools-settings" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>MCP servers</h3>
      <p className="hint">
        MCP servers give models tools: reading files, searching, running commands. A conversation uses only the servers you turn on for it, and
        every call asks you first unless you chose “Always allow this tool”.
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {servers?.length === 0 && <p className="hint">No MCP servers yet.</p>}
      {servers?.map((server) => (
        <ToolServerCard key={server.id} server={server} onShow={show} onEdit={() => setPanel({ kind: 'form', editingId: server.id })} />
      ))}
      {panel.kind === 'none' && (
        <div className="actions start">
          <button type="button" onClick={() => setPanel({ kind: 'form', editingId: null })}>
            Add MCP server
          </button>
          <button type="button" onClick={() => setPanel({ kind: 'import' })}>
            Import from Claude desktop config
          </button>
        </div>
      )}
      {panel.kind === 'form' && (
        <ToolServerForm
          key={panel.editingId ?? 'new'}
          editing={editing}
          onSaved={(server) => {
            show(server);
            close();
          }}
          onCancel={close}
        />
      )}
      {panel.kind === 'import' && <ClaudeImport onClose={close} />}
    </section>
  );
}
