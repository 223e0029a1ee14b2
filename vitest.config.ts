import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    // tests/packaging packs the built app with electron-builder (needs `npm run build` first).
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/packaging/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    setupFiles: ['tests/unit/support/loadMarkdown.ts'],
    // Component tests opt in with `// @vitest-environment jsdom` at the top of the file.
  },
});
