import { useCallback, useState } from 'react';
import { toAppError } from '../../lib/errors';

/** Says what went wrong: "Could not rename the conversation", and the error. */
export type ReportProblem = (what: string, error: unknown) => void;

/**
 * The one problem the workspace shows above the conversation (a rename refused, an open that
 * failed…): the latest report replaces the one before, until the person dismisses it.
 */
export function useProblem() {
  const [problem, setProblem] = useState<string | null>(null);
  const report: ReportProblem = useCallback((what, error) => setProblem(`${what}: ${toAppError(error).message}`), []);
  const dismiss = useCallback(() => setProblem(null), []);
  return { problem, report, dismiss };
}
