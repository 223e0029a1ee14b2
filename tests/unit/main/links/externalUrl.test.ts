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

describe('safeExternalUrl with mailto', () => {
  it.each([
    ['mailto:a@b.invalid?attach=/etc/passwd', 'mailto:a@b.invalid'],
    ['mailto:a@b.invalid?ATTACHMENT=%2Fetc%2Fpasswd&subject=Hi', 'mailto:a@b.invalid?subject=Hi'],
    ['mailto:a@b.invalid?%61ttach=~/.ssh/id_rsa&body=see%20file', 'mailto:a@b.invalid?body=see%20file'],
    ['mailto:a@b.invalid?subject=Hi&Attach=C:%5Cboot.ini&cc=c@d.invalid&bcc=e@f.invalid&to=g@h.invalid&body=x+y', 'mailto:a@b.invalid?subject=Hi&cc=c@d.invalid&bcc=e@f.invalid&to=g@h.invalid&body=x+y'],
    ['mailto:a@b.invalid?subject=Hi;attach=/etc/passwd', 'mailto:a@b.invalid?subject=Hi%3Battach=/etc/passwd'],
    ['mailto:a@b.invalid?x-mailer=evil&in-reply-to=x&from=boss@b.invalid', 'mailto:a@b.invalid'],
    ['MAILTO:a@b.invalid?Subject=Hi', 'mailto:a@b.invalid?Subject=Hi'],
  ])('keeps only to, cc, bcc, subject and body: %s', (url, expected) => {
    expect(safeExternalUrl(url)).toBe(expected);
  });
});
