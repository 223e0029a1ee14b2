import { lazyPart } from '../../lib/lazyPart';

/** What a failed answer says and offers, and a message's editor: loaded apart from the start-up bundle (lib/lazyPart). */
export const AnswerProblem = lazyPart(() => import('./AnswerProblem').then((module) => module.AnswerProblem));
export const MessageEditActions = lazyPart(() => import('./MessageEditActions').then((module) => module.MessageEditActions));
