import { useCallback, useRef, useState } from 'react';
import type { ParleyApi } from '../../../shared/ipc/client';
import { ATTACHMENT_LIMITS } from '../../../shared/attachmentLimits';
import { tooManyFiles, tooMuchInTotal } from '../../../shared/attachmentRules';
import type { Attachment } from '../../../shared/ipc';
import { toAppError } from '../../lib/errors';
import { AttachmentRefused, attachmentName, prepareFile } from './prepareFile';

/** A file in the composer: being made ready, or stored in main and ready to send. */
export type DraftAttachment =
  | { key: string; name: string; status: 'processing' }
  | { key: string; name: string; status: 'ready'; attachment: Attachment };

export interface DraftAttachments {
  items: readonly DraftAttachment[];
  /** Why files were not added, one sentence each, until the next add or send. */
  refusals: readonly string[];
  add(files: readonly File[]): void;
  remove(key: string): void;
  dismissRefusals(): void;
  /** Empties the composer's files once they were sent. */
  clear(): void;
}

export const readyAttachments = (items: readonly DraftAttachment[]): Attachment[] =>
  items.flatMap((item) => (item.status === 'ready' ? [item.attachment] : []));

/**
 * The files waiting in the composer. Files are made ready one at a time (each image in the
 * worker, then handed to main), so ten large photos never sit in memory at once; limits are
 * checked as each arrives, and a refused file is named with its reason.
 */
export function useDraftAttachments(api: ParleyApi): DraftAttachments {
  const [items, setItems] = useState<readonly DraftAttachment[]>([]);
  const [refusals, setRefusals] = useState<readonly string[]>([]);
  // The list as of now, for checks made between renders (several files arrive at once).
  const itemsRef = useRef(items);
  const queueRef = useRef(Promise.resolve());

  const update = useCallback((change: (current: readonly DraftAttachment[]) => readonly DraftAttachment[]) => {
    itemsRef.current = change(itemsRef.current);
    setItems(itemsRef.current);
  }, []);
  const refuse = useCallback((reason: string) => setRefusals((current) => [...current, reason]), []);
  const present = (key: string) => itemsRef.current.some((item) => item.key === key);

  const add = useCallback(
    (files: readonly File[]) => {
      setRefusals([]);
      for (const file of files) {
        const name = attachmentName(file);
        if (itemsRef.current.length >= ATTACHMENT_LIMITS.files) {
          refuse(tooManyFiles(name));
          continue;
        }
        const key = crypto.randomUUID();
        update((current) => [...current, { key, name, status: 'processing' }]);
        const process = async () => {
          if (!present(key)) return;
          try {
            const prepared = await prepareFile(file, name);
            const stored = readyAttachments(itemsRef.current).reduce((sum, attachment) => sum + attachment.bytes, 0);
            if (stored + prepared.bytes > ATTACHMENT_LIMITS.messageBytes) throw new AttachmentRefused(tooMuchInTotal(name));
            if (!present(key)) return;
            const attachment = await api.addAttachment({ name: prepared.name, base64: prepared.base64 });
            update((current) => current.map((item) => (item.key === key ? { key, name, status: 'ready', attachment } : item)));
          } catch (error) {
            // A file removed while it was being made ready needs no reason.
            const wanted = present(key);
            update((current) => current.filter((item) => item.key !== key));
            if (wanted) refuse(error instanceof AttachmentRefused ? error.message : toAppError(error).message);
          }
        };
        queueRef.current = queueRef.current.then(process);
      }
    },
    [api, refuse, update],
  );

  const remove = useCallback((key: string) => update((current) => current.filter((item) => item.key !== key)), [update]);
  const clear = useCallback(() => {
    update(() => []);
    setRefusals([]);
  }, [update]);
  const dismissRefusals = useCallback(() => setRefusals([]), []);

  return { items, refusals, add, remove, dismissRefusals, clear };
}
