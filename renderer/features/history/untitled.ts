/** What a conversation without a title is called until it gets one. */
export const UNTITLED = 'New chat';
