interface ActionStatusProps {
  status: string;
  error: string | null;
}

/** What an action did: a polite live region that is always present (so it is announced), and an alert when it failed. */
export function ActionStatus({ status, error }: ActionStatusProps) {
  return (
    <>
      <p role="status" className="status-text action-status" title={status}>
        {status}
      </p>
      {error && (
        <p role="alert" className="error-text action-status">
          {error}
        </p>
      )}
    </>
  );
}
