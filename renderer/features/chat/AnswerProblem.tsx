import type { AppError } from '../../../shared/ipc';
import { useParley } from '../../lib/ParleyContext';
import { Callout } from '../../ui/Callout';
import { Icons, type Icon } from '../../ui/icons';
import { ModelGone } from '../models/ModelGone';
import { DropParamButton } from '../params/DropParamButton';
import type { Message } from './conversationReducer';
import { useMessageActions } from './MessageActionsContext';
import { RateLimitWait } from './RateLimitWait';

/** Where a person adds credits or raises the spending cap (W&B's docs link the same page). */
export const WANDB_BILLING_URL = 'https://wandb.ai/subscriptions';

interface AnswerProblemProps {
  answerId: string;
  /** The version shown: its error, or its interruption. */
  answer: Message;
  /** The current version: its actions can act. An earlier version only says what happened. */
  actionable: boolean;
  canRetry: boolean;
  onRetry: (id: string) => void;
  onOpenSettings: () => void;
}

interface Presentation {
  tone: 'danger' | 'warning' | 'subtle';
  icon: Icon;
  title: string;
}

const SETTINGS_CODES = new Set(['auth', 'no-key']);

/** The callout's look and first line for each kind of failure (docs/design-system.md, "Errors"). */
function presentationOf(error: AppError | null): Presentation {
  switch (error?.code) {
    case undefined:
      return { tone: 'subtle', icon: Icons.offline, title: 'The answer was cut short' };
    case 'quota':
      return { tone: 'danger', icon: Icons.error, title: 'Out of W&B Inference credits' };
    case 'rate-limit':
      return { tone: 'warning', icon: Icons.wait, title: 'Too many requests at once' };
    case 'dropped':
    case 'timeout':
    case 'connection':
      return { tone: 'subtle', icon: Icons.offline, title: error.code === 'connection' ? 'Could not reach the server' : 'The connection dropped' };
    case 'model-not-found':
      return { tone: 'danger', icon: Icons.error, title: 'This model is not available' };
    case 'bad-request':
      return { tone: 'danger', icon: Icons.error, title: 'The model refused the request' };
    case 'auth':
    case 'no-key':
      return { tone: 'warning', icon: Icons.warning, title: 'The key was not accepted' };
    default:
      return { tone: 'danger', icon: Icons.error, title: 'The answer failed' };
  }
}

/**
 * A failed answer's callout: what happened in a person's words and the one action that helps
 * (billing for 402, a countdown for 429, Switch to for 404, Drop <param> for 400, Continue for
 * an answer cut while it streamed), with Retry.
 */
export function AnswerProblem({ answerId, answer, actionable, canRetry, onRetry, onOpenSettings }: AnswerProblemProps) {
  const api = useParley();
  const { continuableId, continueAnswer } = useMessageActions();
  const { error } = answer;
  const { tone, icon, title } = presentationOf(error);
  const message = error?.message ?? 'Parley closed before this answer was complete. What arrived is kept.';
  const retryButton = (
    <button type="button" onClick={() => onRetry(answerId)} disabled={!canRetry}>
      <Icons.retry aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
      Retry
    </button>
  );

  if (error?.code === 'rate-limit' && actionable) {
    return <RateLimitWait icon={icon} title={title} message={message} failedAt={answer.createdAt} canRetry={canRetry} onRetry={() => onRetry(answerId)} />;
  }

  return (
    <Callout
      className="answer-problem"
      tone={tone}
      icon={icon}
      title={title}
      actions={
        actionable && (
          <>
            {error?.code === 'quota' && (
              <button type="button" className="primary" onClick={() => void api.openLink({ url: WANDB_BILLING_URL })}>
                Open W&B billing
                <Icons.external aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
              </button>
            )}
            {error?.code === 'model-not-found' && <ModelGone model={answer.model} failedAt={answer.createdAt} />}
            {error && <DropParamButton answerId={answerId} error={error} disabled={!canRetry} />}
            {continuableId === answerId && (
              <button type="button" className="primary" onClick={() => continueAnswer(answerId)} disabled={!canRetry}>
                <Icons.continue aria-hidden="true" focusable="false" size={16} strokeWidth={1.75} />
                Continue
              </button>
            )}
            {retryButton}
            {error && SETTINGS_CODES.has(error.code) && (
              <button type="button" onClick={onOpenSettings}>
                Open settings
              </button>
            )}
          </>
        )
      }
    >
      <p>{message}</p>
    </Callout>
  );
}
