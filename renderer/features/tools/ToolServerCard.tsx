import { useId, useState } from 'react';
import type { ToolServerView } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { toAppError } from '../../lib/errors';
import { stateText } from './serverState';

interface ToolServerCardProps {
  server: ToolServerView;
  onShow: (server: ToolServerView) => void;
  onEdit: () => void;
}

type Busy = 'Starting…' | 'Restarting…' | 'Stopping…' | 'Removing…' | null;

/** One MCP server in Settings › Tools: its state, Start/Restart/Stop/Edit/Remove, and its tools' switches. */
export function ToolServerCard({ server, onShow, onEdit }: ToolServerCardProps) {
  const api = useParley();
  const id = useId();
  const [busy, setBusy] = useState<Busy>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { status } = server.state;
  const running = status === 'ready' || status === 'starting';

  async function act(label: Busy, action: () => Promise<ToolServerView | null>) {
    setBusy(label);
    setError(null);
    try {
      const next = await action();
      if (next) onShow(next);
    } catch (caught) {
      setError(toAppError(caught).message);
    } finally {
      setBusy(null);
    }
  }

  const remove = () =>
    act('Removing…', async () => {
      await api.removeToolServer({ id: server.id });
      return null;
    });

  return (
    <article className="tool-server" aria-labelledby={`${id}-name`}>
      <div className="tool-server-head">
        <h4 id={`${id}-name`}>{server.name}</h4>
        <p className="tool-server-state" data-status={busy ? 'starting' : status} role="status">
          {busy ?? stateText(server.state)}
        </p>
      </div>
      <p className="hint tool-server-launch">{server.transport === 'stdio' ? [server.command, ...server.args].join(' ') : server.url}</p>
      <div className="actions start">
        {running ? (
          <>
            <button type="button" disabled={busy !== null} onClick={() => void act('Restarting…', () => api.restartToolServer({ id: server.id }))}>
              Restart
            </button>
            <button type="button" disabled={busy !== null} onClick={() => void act('Stopping…', () => api.stopToolServer({ id: server.id }))}>
              Stop
            </button>
          </>
        ) : (
          <button type="button" disabled={busy !== null} onClick={() => void act('Starting…', () => api.startToolServer({ id: server.id }))}>
            Start
          </button>
        )}
        <button type="button" disabled={busy !== null} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="danger" disabled={busy !== null} aria-expanded={confirmingRemove} onClick={() => setConfirmingRemove(true)}>
          Remove
        </button>
      </div>
      {confirmingRemove && (
        <div className="tool-server-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>Remove {server.name} and its stored values? Conversations that used it go on without its tools.</p>
          <div className="actions start">
            <button type="button" className="danger" data-autofocus onClick={() => void remove()}>
              Remove server
            </button>
            <button type="button" onClick={() => setConfirmingRemove(false)}>
              Keep
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {server.tools.length === 0 ? (
        <p className="hint">{status === 'ready' ? 'This server offers no tools.' : 'Its tools are listed once it has started.'}</p>
      ) : (
        <ul className="tool-list" aria-label={`Tools of ${server.name}`}>
          {server.tools.map((tool) => (
            <li key={tool.name} className="tool-item">
              <label className="tool-switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={tool.enabled}
                  aria-describedby={`${id}-${tool.name}-description`}
                  onChange={(event) => void act(null, () => api.setToolEnabled({ serverId: server.id, tool: tool.name, enabled: event.target.checked }))}
                />
                <span className="tool-name">{tool.name}</span>
              </label>
              <p id={`${id}-${tool.name}-description`} className="hint tool-description">
                {tool.description || 'No description.'}
              </p>
              {tool.alwaysAllowed && (
                <p className="tool-always">
                  Always allowed: its calls run without asking.{' '}
                  <button type="button" onClick={() => void act(null, () => api.revokeAlwaysAllow({ serverId: server.id, tool: tool.name }))}>
                    Revoke
                  </button>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
