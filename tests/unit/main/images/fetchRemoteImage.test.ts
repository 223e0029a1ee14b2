import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRemoteImage, MAX_IMAGE_BYTES } from '../../../../main/images/fetchRemoteImage';
import { PIXEL_PNG } from '../../../fixtures/fakeInferenceServer';

let server: Server;
let base: string;
const seen: { path: string; referer: string | undefined; cookie: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', referer: req.headers.referer, cookie: req.headers.cookie });
    if (req.url === '/pixel.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(PIXEL_PNG);
    // Lies about its type: the bytes decide.
    if (req.url === '/pixel-as-text') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(PIXEL_PNG);
    if (req.url === '/page.html') return void res.writeHead(200, { 'content-type': 'image/png' }).end('<html><script>alert(1)</script>');
    if (req.url === '/drawing.svg') return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    if (req.url === '/huge.png') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.write(PIXEL_PNG);
      res.end(Buffer.alloc(MAX_IMAGE_BYTES));
      return;
    }
    if (req.url === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Load image, fetched by main', () => {
  it('returns a PNG as a data: URL, sent without referrer or cookies', async () => {
    const { dataUrl } = await fetchRemoteImage(`${base}/pixel.png`);
    expect(dataUrl).toBe(`data:image/png;base64,${PIXEL_PNG.toString('base64')}`);
    expect(seen.at(-1)).toMatchObject({ path: '/pixel.png', referer: undefined, cookie: undefined });
  });

  it('trusts the bytes, not the server’s content type', async () => {
    expect((await fetchRemoteImage(`${base}/pixel-as-text`)).dataUrl).toMatch(/^data:image\/png;base64,/);
    await expect(fetchRemoteImage(`${base}/page.html`)).rejects.toMatchObject({ appError: { message: expect.stringMatching(/did not return a PNG/) } });
    await expect(fetchRemoteImage(`${base}/drawing.svg`)).rejects.toMatchObject({ appError: { code: 'invalid-request' } });
  });

  it.each([
    ['a huge image', '/huge.png', /larger than 10 MB/],
    ['a missing image', '/missing.png', /answered 404/],
    ['a redirect to a local file', '/to-file', /could not reach|redirected/],
  ])('refuses %s with a clear reason', async (_label, path, reason) => {
    await expect(fetchRemoteImage(`${base}${path}`)).rejects.toMatchObject({ appError: { message: expect.stringMatching(reason) } });
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:image/png;base64,AAAA', 'mailto:a@b.c', 'https://user:pw@example.com/x.png'])(
    'never fetches %s',
    async (url) => {
      const before = seen.length;
      await expect(fetchRemoteImage(url)).rejects.toMatchObject({ appError: { message: 'Only http and https images can be loaded.' } });
      expect(seen.length).toBe(before);
    },
  );

  it('says which host it could not reach', async () => {
    await expect(fetchRemoteImage('http://127.0.0.1:1/x.png')).rejects.toMatchObject({ appError: { message: expect.stringMatching(/127\.0\.0\.1:1/) } });
  });
});
