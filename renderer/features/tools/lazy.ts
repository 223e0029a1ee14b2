import { lazyPart } from '../../lib/lazyPart';

/** Asking before a tool call runs, loaded apart from the start-up bundle (lib/lazyPart). */
export const ToolApprovalDialog = lazyPart(() => import('./ToolApprovalDialog').then((module) => module.ToolApprovalDialog));
/** A tool call in an answer, shown once a model calls a tool. */
export const ToolCallBlock = lazyPart(() => import('./ToolCallBlock').then((module) => module.ToolCallBlock));
