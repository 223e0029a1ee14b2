import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS, formatBytes } from '../../../shared/attachmentLimits';
import { attachmentProblem, tooLargeInput, tooManyFiles, tooMuchInTotal } from '../../../shared/attachmentRules';
import { detectFileType } from '../../../shared/fileType';
import { GIF_HEAD, JPEG_HEAD, PIXEL_PNG, WEBP_HEAD, ZIP_HEAD } from '../main/attachments/support';

describe('file type by content, never by name', () => {
  it.each([
    ['a PNG', PIXEL_PNG, { kind: 'image', mimeType: 'image/png' }],
    ['a JPEG', JPEG_HEAD, { kind: 'image', mimeType: 'image/jpeg' }],
    ['a GIF', GIF_HEAD, { kind: 'image', mimeType: 'image/gif' }],
    ['a WebP', WEBP_HEAD, { kind: 'image', mimeType: 'image/webp' }],
    ['UTF-8 text with accents and emoji', Buffer.from('naïve café ☕ 🙂\nx = 1\n'), { kind: 'text', mimeType: 'text/plain' }],
    ['text with a BOM', Buffer.from('\ufeffa,b\n1,2\n'), { kind: 'text', mimeType: 'text/plain' }],
  ])('%s is recognised', (_, bytes, expected) => {
    expect(detectFileType(bytes)).toEqual(expected);
  });

  it.each([
    ['a ZIP archive', ZIP_HEAD],
    ['Latin-1 bytes that are not UTF-8', Buffer.from('caf\xe9', 'latin1')],
    ['text with a NUL byte', Buffer.from('abc\0def')],
  ])('%s is refused', (_, bytes) => {
    expect(detectFileType(bytes)).toBeNull();
  });

  it('a mislabelled file is judged by its bytes: "photo.txt" holding a PNG is an image, "main.py" holding a ZIP is refused', () => {
    expect(attachmentProblem('photo.txt', PIXEL_PNG)).toBeNull();
    expect(detectFileType(PIXEL_PNG)?.kind).toBe('image');
    expect(attachmentProblem('main.py', ZIP_HEAD)).toBe(
      '"main.py" cannot be attached: only PNG, JPEG, WebP and GIF images and text files (such as .txt, .md, .csv, .json or source code) can.',
    );
    // An SVG is text to Parley (models take no SVG images): it goes as its source.
    expect(detectFileType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))?.kind).toBe('text');
  });
});

describe('limit messages say the limit and the size', () => {
  it('per file, per kind, per message and in count', () => {
    expect(tooLargeInput('big.png', 50 * 1024 * 1024)).toBe('"big.png" is 50 MB; a file can be at most 20 MB.');
    const text = Buffer.alloc(ATTACHMENT_LIMITS.textBytes * 1.5, 'a');
    expect(attachmentProblem('log.txt', text)).toBe('"log.txt" is 1.5 MB; a text file can be at most 1 MB.');
    expect(attachmentProblem('ok.txt', text.subarray(0, ATTACHMENT_LIMITS.textBytes))).toBeNull();
    const image = Buffer.concat([PIXEL_PNG, Buffer.alloc(ATTACHMENT_LIMITS.imageBytes)]);
    expect(attachmentProblem('huge.png', image)).toBe('"huge.png" is 4 MB; an image, once made smaller, can be at most 4 MB.');
    expect(attachmentProblem('fine.png', image.subarray(0, ATTACHMENT_LIMITS.imageBytes))).toBeNull();
    expect(tooManyFiles('eleven.md')).toBe('"eleven.md" was not added: one message can carry at most 10 files.');
    expect(tooMuchInTotal('last.jpg')).toBe('"last.jpg" was not added: the files on one message can add up to 25 MB at most.');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});
