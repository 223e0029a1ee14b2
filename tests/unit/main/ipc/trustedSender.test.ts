import { describe, expect, it } from 'vitest';
import { isTrustedSender, originOf } from '../../../../main/ipc/trustedSender';

const origins = ['app://parley'];

describe('isTrustedSender', () => {
  it('accepts the app page in its top frame', () => {
    expect(isTrustedSender({ url: 'app://parley/index.html', parent: null }, origins)).toBe(true);
  });

  it.each([
    ['an iframe of the app', { url: 'app://parley/index.html', parent: {} }],
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['a file page', { url: 'file:///etc/passwd', parent: null }],
    ['a look-alike host', { url: 'app://parley.evil/index.html', parent: null }],
    ['an unparsable URL', { url: 'not a url', parent: null }],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame, origins)).toBe(false);
  });

  it('refuses a frame that is already gone', () => {
    expect(isTrustedSender(null, origins)).toBe(false);
  });
});

describe('originOf', () => {
  it('keeps custom schemes that Node calls opaque', () => {
    expect(originOf('app://parley/index.html#x')).toBe('app://parley');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
  });
});
