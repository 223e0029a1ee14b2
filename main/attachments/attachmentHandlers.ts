/** The attachment channels: the page hands over processed files and shows stored images. */
import { imageTypeOf } from '../../shared/fileType';
import { AppFailure } from '../appFailure';
import type { Handlers } from '../ipc/router';
import type { AttachmentFiles } from './attachmentFiles';

export function createAttachmentHandlers(files: AttachmentFiles): Pick<Handlers, 'attachment:add' | 'attachment:read'> {
  return {
    'attachment:add': ({ name, base64 }) => files.save(name, Buffer.from(base64, 'base64')),
    'attachment:read': async ({ file }) => {
      const bytes = await files.read(file);
      const mimeType = imageTypeOf(bytes);
      if (!mimeType) throw new AppFailure({ code: 'invalid-request', message: 'Only attached images can be shown.' });
      return { dataUrl: `data:${mimeType};base64,${bytes.toString('base64')}` };
    },
  };
}
