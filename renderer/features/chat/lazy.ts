import { lazyPart } from '../../lib/lazyPart';

/** What a failed answer says and offers, a message's editor, and the way back to the end: loaded apart from the start-up bundle (lib/lazyPart). */
export const AnswerProblem = lazyPart(() => import('./AnswerProblem').then((module) => module.AnswerProblem));
export const MessageEditActions = lazyPart(() => import('./MessageEditActions').then((module) => module.MessageEditActions));
export const JumpToLatest = lazyPart(() => import('./JumpToLatest').then((module) => module.JumpToLatest));
