/**
 * Whether the Electron binary is on this machine. Asked without `require('electron')`,
 * which would try to download it (and fail, offline).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronDir = path.resolve('node_modules/electron');

export function electronBinaryStatus(): { available: true; executable: string } | { available: false; reason: string } {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { available: false, reason: 'the Electron binary has not been downloaded (node_modules/electron/path.txt is missing; run `npx install-electron` where the network allows it)' };
  }
  const executable = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(executable)) return { available: false, reason: `the Electron binary is missing at ${executable}` };
  return { available: true, executable };
}
