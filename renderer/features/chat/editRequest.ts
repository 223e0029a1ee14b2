import { createContext, useContext, useState } from 'react';

/** "Up edits the last message": the composer asks a message to open its Edit mode. */
export interface EditRequest {
  messageId: string;
  /** Grows with each request, so pressing Up again after Cancel opens it again. */
  seq: number;
}

export const EditRequestContext = createContext<EditRequest | null>(null);

/**
 * True once for each new request aimed at this message, during render (React's pattern for
 * state that follows a prop), so the message enters Edit mode without an extra effect pass.
 */
export function useEditRequested(messageId: string): boolean {
  const request = useContext(EditRequestContext);
  const [seenSeq, setSeenSeq] = useState(request?.seq ?? 0);
  if (request && request.messageId === messageId && request.seq !== seenSeq) {
    setSeenSeq(request.seq);
    return true;
  }
  return false;
}
