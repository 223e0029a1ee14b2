import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from '../../../../main/links/externalUrl';

describe('safeExternalUrl', () => {
  it.each(['https://wandb.ai/authorize', 'http://127.0.0.1:11434/', 'mailto:support@example.com'])('lets %s open', (url) => {
    expect(safeExternalUrl(url)).toBe(new URL(url).href);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'smb://host/share',
    'ms-settings:',
    'https://user:pass@wandb.ai/',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });
});
