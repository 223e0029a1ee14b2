/**
 * Release signing from the environment: what each combination of secrets gives on each system.
 * The variables are the ones release.yml maps from the repository's secrets (a missing secret
 * arrives as an empty string).
 */
import { describe, expect, it } from 'vitest';
import { signingPlan, SigningSetupError } from '../../../scripts/signingPlan';

const MAC_CERT = { CSC_LINK: 'base64-p12', CSC_KEY_PASSWORD: 'p12-password' };
const NOTARY = { APPLE_ID: 'dev@example.com', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop', APPLE_TEAM_ID: 'TEAM123456' };
const AZURE = {
  AZURE_TENANT_ID: 'tenant',
  AZURE_CLIENT_ID: 'client',
  AZURE_CLIENT_SECRET: 'secret',
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net/',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'parley-signing',
  AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE: 'parley-public',
  WINDOWS_PUBLISHER_NAME: 'Parley Developers',
};
/** What GitHub passes for secrets that were never added. */
const blank = (vars: Record<string, string>) => Object.fromEntries(Object.keys(vars).map((name) => [name, '']));

describe('macOS', () => {
  it('without secrets builds unsigned, says so, and keeps electron-builder away from the keychain', () => {
    const plan = signingPlan({ ...blank(MAC_CERT), ...blank(NOTARY) }, 'darwin');
    expect(plan.unsigned).toBe(true);
    expect(plan.summary).toMatch(/^macOS: UNSIGNED/);
    expect(plan.env).toEqual({ CSC_IDENTITY_AUTO_DISCOVERY: 'false', CSC_LINK: undefined, CSC_KEY_PASSWORD: undefined });
  });

  it('signs with the certificate and notarizes with the Apple ID', () => {
    const plan = signingPlan({ ...MAC_CERT, ...NOTARY }, 'darwin');
    expect(plan).toMatchObject({ unsigned: false, env: {}, args: [] });
    expect(plan.summary).toMatch(/signed .* and notarized/);
  });

  it('signs without notarizing when only the certificate is there, and says Gatekeeper still warns', () => {
    const plan = signingPlan({ ...MAC_CERT, ...blank(NOTARY) }, 'darwin');
    expect(plan.unsigned).toBe(false);
    expect(plan.summary).toMatch(/NOT notarized/);
    expect(plan.env).toEqual({ APPLE_ID: undefined, APPLE_APP_SPECIFIC_PASSWORD: undefined, APPLE_TEAM_ID: undefined });
  });

  it('refuses half a setup, naming what is missing', () => {
    expect(() => signingPlan({ CSC_LINK: 'base64-p12' }, 'darwin')).toThrow(new SigningSetupError('macOS signing is half set up: CSC_KEY_PASSWORD missing (set all of CSC_LINK, CSC_KEY_PASSWORD, or none).'));
    expect(() => signingPlan({ ...MAC_CERT, APPLE_ID: 'dev@example.com' }, 'darwin')).toThrow(/notarization is half set up: APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID missing/);
    expect(() => signingPlan(NOTARY, 'darwin')).toThrow(/notarization needs a signed app/);
  });
});

describe('Windows', () => {
  it('signs with Azure Trusted Signing, passing the account to electron-builder’s azureSignOptions', () => {
    const plan = signingPlan({ ...AZURE, ...MAC_CERT }, 'win32');
    expect(plan.unsigned).toBe(false);
    expect(plan.args).toEqual([
      '-c.win.azureSignOptions.endpoint=https://weu.codesigning.azure.net/',
      '-c.win.azureSignOptions.codeSigningAccountName=parley-signing',
      '-c.win.azureSignOptions.certificateProfileName=parley-public',
      '-c.win.azureSignOptions.publisherName=Parley Developers',
    ]);
    // The Entra credentials stay in the environment (Azure's EnvironmentCredential reads them); macOS's certificate does not.
    expect(plan.env).toEqual({ CSC_LINK: undefined, CSC_KEY_PASSWORD: undefined, WIN_CSC_LINK: undefined, WIN_CSC_KEY_PASSWORD: undefined });
    expect(plan.summary).toBe('Windows: signed with Azure Trusted Signing as "Parley Developers".');
  });

  it('builds unsigned without the secrets, and says SmartScreen will warn', () => {
    const plan = signingPlan({ ...blank(AZURE), ...MAC_CERT }, 'win32');
    expect(plan).toMatchObject({ unsigned: true, args: [] });
    expect(plan.summary).toMatch(/^Windows: UNSIGNED .*SmartScreen/);
  });

  it('refuses half a setup', () => {
    expect(() => signingPlan({ ...AZURE, AZURE_CLIENT_SECRET: ' ' }, 'win32')).toThrow(/Windows signing \(Azure Trusted Signing\) is half set up: AZURE_CLIENT_SECRET missing/);
  });
});

it('Linux packages carry no signature and nothing warns about it', () => {
  expect(signingPlan({ ...MAC_CERT, ...AZURE }, 'linux')).toMatchObject({ unsigned: false, env: {}, args: [] });
});
