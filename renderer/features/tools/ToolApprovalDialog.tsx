import { useId } from 'react';
import type { ToolApproval, ToolCallRecord } from '../../../shared/ipc';
import { Modal } from '../../components/Modal';
import { prettyArguments } from '../../../shared/toolCallText';
import './tools.css';

interface ToolApprovalDialogProps {
  call: ToolCallRecord;
  onAnswer: (decision: ToolApproval) => void;
  /** Stops the whole answer (the call is cancelled, not denied). */
  onStop: () => void;
}

/**
 * "Allow tool call": every word here is Parley's. The server, the tool and the arguments are
 * shown as text (React escapes them) and the tool's own description is never shown, so a server
 * or a model cannot word the question. Escape denies: backing out never runs anything.
 */
export function ToolApprovalDialog({ call, onAnswer, onStop }: ToolApprovalDialogProps) {
  const id = useId();
  const args = prettyArguments(call.arguments);
  return (
    <Modal role="alertdialog" labelledBy={`${id}-title`} describedBy={`${id}-what`} onClose={() => onAnswer('deny')} className="tool-approval">
      <h2 id={`${id}-title`}>Allow tool call</h2>
      <p id={`${id}-what`}>The model wants to run a tool. Nothing runs unless you allow it.</p>
      <dl className="tool-approval-facts">
        <dt>Server</dt>
        <dd>{call.serverName}</dd>
        <dt>Tool</dt>
        <dd className="tool-name">{call.tool}</dd>
      </dl>
      <p className="tool-approval-label" id={`${id}-args`}>
        Arguments{args.valid ? '' : ' (not valid JSON)'}
      </p>
      <pre className="tool-approval-args" aria-labelledby={`${id}-args`} tabIndex={0}>
        {args.text}
      </pre>
      <div className="actions">
        <button type="button" className="tool-approval-stop" onClick={onStop}>
          Stop answer
        </button>
        <button type="button" className="danger" data-autofocus onClick={() => onAnswer('deny')}>
          Deny
        </button>
        <button type="button" onClick={() => onAnswer('always')}>
          Always allow this tool
        </button>
        <button type="button" className="primary" onClick={() => onAnswer('once')}>
          Allow once
        </button>
      </div>
    </Modal>
  );
}
