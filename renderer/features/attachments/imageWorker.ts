/**
 * Decodes, scales and re-encodes images off the page's thread: a 20 MB photo takes a while to
 * decode, and the window must keep responding meanwhile.
 */
import { downscaleImage, type DownscaleRequest } from './downscaleImage';

export interface WorkerRequest extends DownscaleRequest {
  id: number;
}

export type WorkerReply = { id: number; image: Blob } | { id: number; error: string };

const reply = (message: WorkerReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, ...request } = event.data;
  downscaleImage(request).then(
    (image) => reply({ id, image }),
    (error: unknown) => reply({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
