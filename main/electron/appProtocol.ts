/**
 * `app://parley/…` serves the built renderer instead of `file://`, so the page has a real
 * origin, gets the CSP as a header, and cannot read other local files.
 */
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/contentSecurityPolicy';
import { readStaticFile } from '../web/staticFiles';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://parley`;

export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false },
};

export function serveAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'parley' ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
    });
  });
}
