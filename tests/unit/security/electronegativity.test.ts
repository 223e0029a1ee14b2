/**
 * Electronegativity (Doyensec's Electron linter) over the built main and preload bundles and
 * main's and preload's sources, through its programmatic `run` (its CSV writer races its own
 * header against the rows and sometimes garbles the first one). Every finding must be explained
 * in SECURITY.md's allow-list, and every allow-list row must still match a finding (no stale
 * excuses). Runs offline: its Electron-release and translation lookups just fail.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import electronegativity from '@doyensec/electronegativity';
import { expect, it } from 'vitest';

interface Finding {
  check: string;
  file: string;
  sample: string;
}
interface Allowed {
  check: string;
  file: string;
  sampleContains: string;
}

const root = path.resolve('.');

/** The table between the allow-list markers in SECURITY.md: | check | file | sample contains | why |. */
async function allowList(): Promise<Allowed[]> {
  const text = await readFile(path.join(root, 'SECURITY.md'), 'utf8');
  const section = /<!-- electronegativity-allowlist -->([^]*?)<!-- \/electronegativity-allowlist -->/.exec(text)?.[1] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [check = '', file = '', sampleContains = ''] = line.split('|').slice(1).map((cell) => cell.trim().replace(/^`|`$/g, ''));
      return { check, file, sampleContains };
    });
}

async function findings(): Promise<Finding[]> {
  const stage = await mkdtemp(path.join(os.tmpdir(), 'parley-eneg-'));
  try {
    for (const dir of ['dist-electron', 'main', 'preload']) await cp(path.join(root, dir), path.join(stage, dir), { recursive: true });
    const { devDependencies } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const electron = (devDependencies.electron ?? '').replace(/^\D*/, '');
    const { issues } = await electronegativity({ input: stage, electronVersionOverride: electron, isRelative: true });
    return issues.map(({ id, file, sample }) => ({ check: id, file, sample: sample ?? 'N/A' }));
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

it('electronegativity finds nothing that SECURITY.md does not explain', async () => {
  const [found, allowed] = await Promise.all([findings(), allowList()]);
  const explains = (rule: Allowed, finding: Finding) =>
    rule.check === finding.check && rule.file === finding.file && finding.sample.includes(rule.sampleContains);
  expect(allowed.length).toBeGreaterThan(0);
  expect(found.filter((finding) => !allowed.some((rule) => explains(rule, finding)))).toEqual([]);
  expect(allowed.filter((rule) => !found.some((finding) => explains(rule, finding)))).toEqual([]);
}, 120_000);
