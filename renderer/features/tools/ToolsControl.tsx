import { memo, useEffect, useId, useRef, useState } from 'react';
import { useParley } from '../../lib/ParleyContext';
import { Icons } from '../../ui/icons';
import { useModelInfo } from '../models/modelsContext';
import { stateText } from './serverState';
import { useToolServers } from './useToolServers';
import './tools.css';

interface ToolsControlProps {
  /** The servers this conversation may use. */
  selected: readonly string[];
  model: string;
  /** Main's sentence when this model answered without tools this session (it refused them). */
  refusedWhy: string | null;
  onChange: (serverIds: string[]) => void;
  onOpenSettings: () => void;
}

/**
 * "Tools" in the composer's toolbar: which MCP servers this conversation may use, and how many
 * are on. Absent while no server is configured, so people without tools see nothing new.
 */
export const ToolsControl = memo(function ToolsControl({ selected, model, refusedWhy, onChange, onOpenSettings }: ToolsControlProps) {
  const api = useParley();
  const id = useId();
  const { servers } = useToolServers(api);
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const cannot = useModelInfo(model)?.toolCalling === false || refusedWhy !== null;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    wrapRef.current?.querySelector<HTMLElement>('input')?.focus();
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open]);

  if (!servers || servers.length === 0) return null;
  const on = servers.filter((server) => selected.includes(server.id));
  /** Servers this conversation uses that could not start (main said why; the popover shows it). */
  const failed = on.filter((server) => server.state.status === 'failed').map((server) => server.name);
  const warning = cannot ? 'This model cannot use tools' : failed.length > 0 ? `${failed.join(', ')} could not start` : null;
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const toggle = (serverId: string, checked: boolean) =>
    onChange(checked ? [...on.map((server) => server.id), serverId] : on.map((server) => server.id).filter((known) => known !== serverId));

  return (
    <div
      ref={wrapRef}
      className="tools-control"
      // Tabbing out of the popover closes it, as a click elsewhere does.
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          // Closes the popover only; the chat's Escape (Stop) is not meant.
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="tools-button"
        aria-expanded={open}
        aria-controls={open ? `${id}-popover` : undefined}
        aria-describedby={warning ? `${id}-warning` : undefined}
        // The count is a badge for the eyes; the name says it in words.
        aria-label={on.length > 0 ? `Tools, ${on.length} on` : 'Tools'}
        data-on={on.length > 0 || undefined}
        onClick={() => setOpen((current) => !current)}
      >
        {warning ? <Icons.warning aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} /> : <Icons.tools aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />}
        Tools
        {on.length > 0 && <span className="tools-count">{on.length} on</span>}
      </button>
      {warning && (
        <span id={`${id}-warning`} className="visually-hidden">
          {warning}
        </span>
      )}
      {open && (
        <div id={`${id}-popover`} className="tools-popover" role="dialog" aria-label="Tools for this conversation">
          {cannot && (
            <p className="tools-cannot" role="note">
              This model cannot use tools, so this chat goes on without them.{refusedWhy && ` ${refusedWhy}`}
            </p>
          )}
          <fieldset className="tools-servers">
            <legend>Servers this conversation may use</legend>
            {servers.map((server) => (
              <div key={server.id} className="tools-server-choice">
                <input
                  id={`${id}-${server.id}`}
                  type="checkbox"
                  checked={selected.includes(server.id)}
                  aria-describedby={`${id}-${server.id}-detail`}
                  onChange={(event) => toggle(server.id, event.target.checked)}
                />
                <label htmlFor={`${id}-${server.id}`} className="tools-server-name">
                  {server.name}
                </label>
                <span id={`${id}-${server.id}-detail`} className="tools-server-detail" data-status={server.state.status}>
                  {server.state.status === 'ready' ? `${server.tools.filter((tool) => tool.enabled).length} tools on` : stateText(server.state)}
                </span>
              </div>
            ))}
          </fieldset>
          <p className="tools-popover-hint">Every call asks you first.</p>
          <button
            type="button"
            className="tools-settings-link"
            onClick={() => {
              setOpen(false);
              onOpenSettings();
            }}
          >
            Tool settings…
          </button>
        </div>
      )}
    </div>
  );
});
