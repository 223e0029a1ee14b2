import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import electron from 'vite-plugin-electron';
import pkg from './package.json' with { type: 'json' };

/** Runtime dependencies stay as `require`s in main: electron-builder packs them into the asar. */
const mainExternals = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)];

// One config builds all three: the renderer (Vite's own build), main (ESM) and the
// preload (CJS, because a sandboxed preload cannot load ES modules).
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false },
  plugins: [
    react(),
    electron([
      // `lib` is given here rather than as `entry`: the plugin's defaults would merge a
      // second output format into the list.
      {
        vite: {
          root: '.',
          build: {
            outDir: 'dist-electron/main',
            emptyOutDir: true,
            sourcemap: false,
            lib: { entry: 'main/index.ts', formats: ['es'], fileName: () => 'index.js' },
            rolldownOptions: { external: mainExternals },
          },
        },
      },
      {
        onstart: ({ reload }) => reload(),
        vite: {
          root: '.',
          build: {
            outDir: 'dist-electron/preload',
            emptyOutDir: true,
            sourcemap: false,
            lib: { entry: 'preload/index.ts', formats: ['cjs'], fileName: () => 'index.cjs' },
            rolldownOptions: { external: ['electron'] },
          },
        },
      },
    ]),
  ],
});
