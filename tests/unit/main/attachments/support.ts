/** Real bytes for attachment tests: a 1×1 PNG (the fake server's), a JPEG's first bytes, text and binary. */
import { PIXEL_PNG } from '../../../fixtures/fakeInferenceServer';

export { PIXEL_PNG };

/** A JPEG's start of image and JFIF header: enough for detection by magic bytes. */
export const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
export const GIF_HEAD = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
export const WEBP_HEAD = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
export const ZIP_HEAD = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
