import { existsSync } from 'node:fs';
import { electronBinaryStatus } from './electronBinary';

export default function globalSetup(): void {
  if (!existsSync('dist/renderer/index.html') || !existsSync('dist-electron/main/index.js')) {
    throw new Error('The app is not built: run `npm run build` before the UI specs (npm test does it).');
  }
  const electron = electronBinaryStatus();
  if (!electron.available) {
    console.info(`\n[UI specs] Electron runtime SKIPPED: ${electron.reason}. The same specs run in web mode (Chromium).\n`);
  }
}
