interface ProblemAlertProps {
  problem: string | null;
  onDismiss: () => void;
}

/** The workspace's problem (useProblem), as a banner row with Dismiss; nothing when all is well. */
export function ProblemAlert({ problem, onDismiss }: ProblemAlertProps) {
  if (!problem) return null;
  return (
    <div role="alert" className="problem">
      <p>{problem}</p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
