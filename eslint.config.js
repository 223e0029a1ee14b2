import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads'];

/**
 * The layers (see ARCHITECTURE.md): each process imports its own folder and shared/, nothing
 * else; shared/ imports only itself and zod. The per-folder tsconfigs enforce the same for the
 * compiler; this says it at the import line.
 */
function onlyOwnFolderAndShared(folder, others, extra = []) {
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: `(^|/)(${others.join('|')})/`, message: `${folder}/ may import only its own files and shared/ (see ARCHITECTURE.md).` },
            ...extra,
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Playwright reads a fixture's dependencies from its destructuring pattern, even an empty one.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  onlyOwnFolderAndShared('main', ['renderer', 'preload', 'tests', 'bench']),
  onlyOwnFolderAndShared('preload', ['main', 'renderer', 'tests', 'bench']),
  // The renderer talks to main only through window.parley: no Node, no Electron.
  onlyOwnFolderAndShared('renderer', ['main', 'preload', 'tests', 'bench'], [
    { group: ['electron', ...NODE_BUILTINS], message: 'The renderer talks to main only through window.parley.' },
  ]),
  // Rules every process may import: no environment, and no dependency but zod.
  onlyOwnFolderAndShared('shared', ['main', 'preload', 'renderer', 'tests', 'bench'], [
    { regex: '^(?!\\.{1,2}/|zod$)', message: 'shared/ imports only shared/ and zod: it runs in every process.' },
  ]),
);
