import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import electron from 'vite-plugin-electron';
import pkg from './package.json' with { type: 'json' };

/**
 * The page and the preload use the IPC tables (shared/ipc) for names and channels only, so
 * there the tables' `zod` is an inert stand-in (shared/ipc/pageZod.ts); main keeps real zod.
 */
const sharedDir = fileURLToPath(new URL('./shared/', import.meta.url));
const pageZod: Plugin = {
  name: 'parley:page-zod',
  enforce: 'pre',
  resolveId: (source, importer) => (source === 'zod' && importer?.startsWith(sharedDir) ? fileURLToPath(new URL('./shared/ipc/pageZod.ts', import.meta.url)) : null),
};

/** Runtime dependencies stay as `require`s in main: electron-builder packs them into the asar. */
const mainExternals = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`), ...Object.keys(pkg.dependencies)];

// One config builds all three: the renderer (Vite's own build), main (ESM) and the
// preload (CJS, because a sandboxed preload cannot load ES modules).
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false },
  plugins: [
    pageZod,
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
          plugins: [pageZod],
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
