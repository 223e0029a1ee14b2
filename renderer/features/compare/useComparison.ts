import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatStream, ParleyApi } from '../../../shared/ipc/client';
import type { ChatRequest } from '../../../shared/ipc';
import { createStreamDrawing } from '../../lib/streamDrawing';
import { columnsReducer, startColumn, type Column, type ColumnAction } from './compareRun';

interface LiveColumn {
  stream: ChatStream;
  /** Drops a frame that is still waiting to flush. */
  dispose: () => void;
}

/**
 * Runs one prompt against several models at once through the ordinary `chat()` (no `history`:
 * nothing is saved until an answer is chosen), a stream per column. Text is gathered and
 * drawn as the chat's are (StreamDrawing): each column's first text at once, then once per frame. The columns are also kept
 * in a ref, so what they hold once every stream has ended can be read without a render.
 */
export function useComparison(api: ParleyApi) {
  const [columns, setColumns] = useState<readonly Column[]>([]);
  const latest = useRef<readonly Column[]>([]);
  const live = useRef(new Map<string, LiveColumn>());

  const apply = useCallback((action: ColumnAction) => {
    latest.current = columnsReducer(latest.current, action);
    setColumns(latest.current);
  }, []);

  const open = useCallback(
    (id: string, request: ChatRequest) => {
      const pending: { content: string; reasoning: string; chunks: number; thinkingMs?: number } = { content: '', reasoning: '', chunks: 0 };
      const flush = () => {
        if (pending.chunks === 0) return;
        apply({ type: 'append', id, ...pending, at: Date.now() });
        Object.assign(pending, { content: '', reasoning: '', chunks: 0 });
        delete pending.thinkingMs;
      };
      const drawing = createStreamDrawing(flush);
      const stream = api.chat(request, (event) => {
        switch (event.type) {
          case 'delta':
            pending.content += event.content ?? '';
            pending.reasoning += event.reasoning ?? '';
            pending.chunks += 1;
            if (event.thinkingMs !== undefined) pending.thinkingMs = event.thinkingMs;
            drawing.arrived();
            break;
          case 'usage':
            apply({ type: 'usage', id, usage: event.usage });
            break;
          case 'retrying':
            drawing.drop();
            Object.assign(pending, { content: '', reasoning: '', chunks: 0 });
            apply({ type: 'restart', id });
            break;
          case 'done':
            drawing.now();
            apply({ type: 'finish', id, result: event.result });
            live.current.delete(id);
            break;
        }
      });
      live.current.set(id, { stream, dispose: () => drawing.drop() });
    },
    [api, apply],
  );

  /** Sends each request in its own column, all at once. */
  const start = useCallback(
    (requests: readonly ChatRequest[]) => {
      const now = Date.now();
      const started = requests.map((request) => startColumn(crypto.randomUUID(), request.model, now));
      apply({ type: 'start', columns: started });
      started.forEach((column, index) => {
        const request = requests[index];
        if (request) open(column.id, request);
      });
    },
    [apply, open],
  );

  /** Stops one column; it keeps the text that had arrived. */
  const stop = useCallback((id: string) => live.current.get(id)?.stream.cancel(), []);

  /** Stops every column still streaming and answers the columns once all have ended. */
  const finishAll = useCallback(async (): Promise<readonly Column[]> => {
    const running = [...live.current.values()];
    for (const { stream } of running) stream.cancel();
    await Promise.all(running.map(({ stream }) => stream.done));
    return latest.current;
  }, []);

  // Closing the view stops what still streams rather than leaving it running unseen.
  useEffect(() => {
    const streams = live.current;
    return () => {
      for (const { stream, dispose } of streams.values()) {
        dispose();
        stream.cancel();
      }
    };
  }, []);

  return { columns, running: columns.some((column) => column.status === 'streaming'), start, stop, finishAll };
}
