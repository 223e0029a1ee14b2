import { PARAM_WIRE_NAMES, paramKeyOf } from '../../../shared/chatParams';
import type { AppError } from '../../../shared/ipc';
import { useMessageActions } from '../chat/MessageActionsContext';

interface DropParamButtonProps {
  answerId: string;
  error: AppError;
  disabled: boolean;
}

/** "Drop <name> and retry", under an answer a model refused because of a parameter the person set. */
export function DropParamButton({ answerId, error, disabled }: DropParamButtonProps) {
  const { params, dropParamAndRetry } = useMessageActions();
  const key = error.code === 'bad-request' ? paramKeyOf(error.param) : null;
  if (key === null || params[key] === undefined) return null;
  return (
    <button type="button" disabled={disabled} onClick={() => dropParamAndRetry(answerId, key)}>
      Drop {PARAM_WIRE_NAMES[key]} and retry
    </button>
  );
}
