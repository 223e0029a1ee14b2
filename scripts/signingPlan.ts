/**
 * Which signing an installer build gets, from the environment alone: each kind is used only when
 * all of its secrets are there, a half-configured one is an error (it would otherwise fail late,
 * or silently ship unsigned), and an unsigned build says so. The README's "Releases" section lists
 * what each secret does; keep the two in step.
 *
 * - macOS: a Developer ID certificate (CSC_LINK, CSC_KEY_PASSWORD) signs; APPLE_ID,
 *   APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID then notarize (electron-builder does both when
 *   the variables are set).
 * - Windows: code-signing keys must live in hardware or a cloud HSM now, so no .pfx file: Azure
 *   Trusted Signing through electron-builder's `azureSignOptions`, authenticated as an Entra app
 *   (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET).
 * - Linux: AppImage and deb are not signed.
 */

/** Environment variables to set, or to remove (undefined), for electron-builder. */
export type EnvChanges = Record<string, string | undefined>;

export interface SigningPlan {
  /** True when the system expects a signature and this build has none: its users will be warned. */
  unsigned: boolean;
  env: EnvChanges;
  /** Extra electron-builder arguments. */
  args: string[];
  /** One sentence on what this build gets, for the log, the job summary and the release notes. */
  summary: string;
}

export class SigningSetupError extends Error {
  override name = 'SigningSetupError';
}

export const MAC_CERTIFICATE = ['CSC_LINK', 'CSC_KEY_PASSWORD'] as const;
export const MAC_NOTARIZATION = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] as const;
/** Azure Trusted Signing: the Entra app that may sign, then where and as whom it signs. */
export const WINDOWS_TRUSTED_SIGNING = {
  AZURE_TENANT_ID: null,
  AZURE_CLIENT_ID: null,
  AZURE_CLIENT_SECRET: null,
  AZURE_TRUSTED_SIGNING_ENDPOINT: 'endpoint',
  AZURE_TRUSTED_SIGNING_ACCOUNT: 'codeSigningAccountName',
  AZURE_TRUSTED_SIGNING_CERTIFICATE_PROFILE: 'certificateProfileName',
  WINDOWS_PUBLISHER_NAME: 'publisherName',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/** Which of `names` are set (empty counts as unset: a missing GitHub secret expands to ''). */
function present(env: Env, names: readonly string[]): { all: boolean; none: boolean; missing: string[] } {
  const missing = names.filter((name) => !env[name]?.trim());
  return { all: missing.length === 0, none: missing.length === names.length, missing };
}

function requireAllOrNone(env: Env, names: readonly string[], what: string): boolean {
  const found = present(env, names);
  if (!found.all && !found.none) throw new SigningSetupError(`${what} is half set up: ${found.missing.join(', ')} missing (set all of ${names.join(', ')}, or none).`);
  return found.all;
}

const unset = (names: readonly string[]): EnvChanges => Object.fromEntries(names.map((name) => [name, undefined]));

function macPlan(env: Env): SigningPlan {
  const certificate = requireAllOrNone(env, MAC_CERTIFICATE, 'macOS signing');
  const notarization = requireAllOrNone(env, MAC_NOTARIZATION, 'macOS notarization');
  if (!certificate) {
    if (notarization) throw new SigningSetupError('macOS notarization needs a signed app: add CSC_LINK and CSC_KEY_PASSWORD too.');
    return {
      unsigned: true,
      // Without this electron-builder signs with any identity it finds in the keychain.
      env: { CSC_IDENTITY_AUTO_DISCOVERY: 'false', ...unset(MAC_CERTIFICATE) },
      args: [],
      summary: 'macOS: UNSIGNED (no CSC_LINK and CSC_KEY_PASSWORD): Gatekeeper blocks the first start until the user allows it in System Settings › Privacy & Security.',
    };
  }
  return {
    unsigned: false,
    env: notarization ? {} : unset(MAC_NOTARIZATION),
    args: [],
    summary: notarization
      ? 'macOS: signed with the Developer ID certificate from CSC_LINK, and notarized by Apple (APPLE_ID, APPLE_TEAM_ID).'
      : 'macOS: signed with the Developer ID certificate from CSC_LINK but NOT notarized (no APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID): Gatekeeper still warns.',
  };
}

function windowsPlan(env: Env): SigningPlan {
  const names = Object.keys(WINDOWS_TRUSTED_SIGNING);
  // A macOS certificate in CSC_LINK must never be tried on Windows, and a .pfx file cannot hold a current code-signing key.
  const noFileCertificate = unset([...MAC_CERTIFICATE, 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']);
  if (!requireAllOrNone(env, names, 'Windows signing (Azure Trusted Signing)')) {
    return {
      unsigned: true,
      env: noFileCertificate,
      args: [],
      summary: 'Windows: UNSIGNED (no Azure Trusted Signing secrets): SmartScreen warns about an unknown publisher.',
    };
  }
  const args = Object.entries(WINDOWS_TRUSTED_SIGNING).flatMap(([name, option]) => (option === null ? [] : [`-c.win.azureSignOptions.${option}=${env[name]?.trim()}`]));
  return {
    unsigned: false,
    env: noFileCertificate,
    args,
    summary: `Windows: signed with Azure Trusted Signing as "${env.WINDOWS_PUBLISHER_NAME?.trim()}".`,
  };
}

export function signingPlan(env: Env, platform: NodeJS.Platform): SigningPlan {
  if (platform === 'darwin') return macPlan(env);
  if (platform === 'win32') return windowsPlan(env);
  return { unsigned: false, env: {}, args: [], summary: `${platform === 'linux' ? 'Linux' : platform}: AppImage and deb carry no signature (none is expected).` };
}
