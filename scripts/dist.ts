/**
 * `npm run dist [-- electron-builder arguments]`: builds this system's installers with the
 * signing its environment allows (scripts/signingPlan.ts), and says which. An unsigned build
 * still builds; it prints so, and on GitHub Actions it also leaves a warning, a line in the job
 * summary and `release/signing-<platform>.md` for the release notes.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { signingPlan, SigningSetupError, type EnvChanges } from './signingPlan';

function withChanges(env: NodeJS.ProcessEnv, changes: EnvChanges): NodeJS.ProcessEnv {
  const changed = { ...env, ...changes };
  return Object.fromEntries(Object.entries(changed).filter(([, value]) => value !== undefined));
}

function main(): number {
  let plan;
  try {
    plan = signingPlan(process.env, process.platform);
  } catch (error) {
    if (!(error instanceof SigningSetupError)) throw error;
    console.error(`dist: ${error.message}`);
    if (process.env.GITHUB_ACTIONS) console.error(`::error title=Signing is half set up::${error.message}`);
    return 1;
  }

  console.info(`dist: ${plan.summary}`);
  if (process.env.GITHUB_ACTIONS) {
    if (plan.unsigned) console.info(`::warning title=Unsigned installers::${plan.summary}`);
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `- ${plan.summary}\n`);
    mkdirSync('release', { recursive: true });
    writeFileSync(path.join('release', `signing-${process.platform}.md`), `- ${plan.summary}\n`);
  }

  const builder = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  const result = spawnSync(process.execPath, [builder, ...process.argv.slice(2), ...plan.args], { stdio: 'inherit', env: withChanges(process.env, plan.env) });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

process.exitCode = main();
