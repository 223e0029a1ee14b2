/**
 * Runs `test` with React scheduling its work as it does outside tests (frames, tasks, passive
 * effects when React gets to them), not flushed by act(): for what depends on that order.
 */
export async function outsideAct(test: () => Promise<void>): Promise<void> {
  const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  const previous = environment.IS_REACT_ACT_ENVIRONMENT;
  environment.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    await test();
  } finally {
    environment.IS_REACT_ACT_ENVIRONMENT = previous;
  }
}
