/** Hands images to one shared worker (imageWorker.ts) and waits for each one's answer. */
import type { DownscaleRequest } from './downscaleImage';
import type { WorkerReply, WorkerRequest } from './imageWorker';

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (image: Blob) => void; reject: (error: Error) => void }>();

function imageWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./imageWorker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('image' in reply) pending?.resolve(reply.image);
    else pending?.reject(new Error(reply.error));
  };
  return worker;
}

export function processImage(request: DownscaleRequest): Promise<Blob> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    imageWorker().postMessage({ id, ...request } satisfies WorkerRequest);
  });
}
