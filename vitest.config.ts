import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    // tests/packaging packs the built app with electron-builder (needs `npm run build` first).
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/packaging/**/*.test.ts'],
    environment: 'node',
    // Bounds for states that never come, sized for a busy 2-core machine; passing tests do not wait for them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 15_000 } },
    setupFiles: ['tests/unit/support/waitBounds.ts', 'tests/unit/support/matchMedia.ts', 'tests/unit/support/loadMarkdown.ts', 'tests/unit/support/loadLazyParts.ts'],
    // Component tests opt in with `// @vitest-environment jsdom` at the top of the file.
  },
});
