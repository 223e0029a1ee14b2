/**
 * The stylesheet rules of the redesign, run by the real stylelint with the project's config:
 * a rule outside a cascade layer, an unknown layer, a second order statement or a literal
 * colour outside the tokens fails `npm run lint`; the foundation's order is the plugin's.
 */
import { readFileSync } from 'node:fs';
import stylelint from 'stylelint';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../../scripts/stylelint/layeredRules.mjs';

async function problems(code: string, file = 'renderer/features/example/example.css'): Promise<string[]> {
  const { results } = await stylelint.lint({ code, codeFilename: file, configFile: 'stylelint.config.mjs' });
  return (results[0]?.warnings ?? []).map((warning) => warning.rule);
}

describe('stylelint: cascade layers and tokens', () => {
  it('accepts a feature stylesheet written in a layer with tokens', async () => {
    expect(await problems('@layer features {\n  .message-actions {\n    color: var(--color-text-secondary);\n  }\n}\n')).toEqual([]);
  });

  it('refuses a rule outside any layer', async () => {
    expect(await problems('.composer {\n  display: grid;\n}\n')).toContain('parley/layered');
  });

  it('refuses a layer the foundation does not declare', async () => {
    expect(await problems('@layer dialogs {\n  .modal {\n    display: grid;\n  }\n}\n')).toContain('parley/layered');
  });

  it('refuses an order statement anywhere but the foundation', async () => {
    expect(await problems('@layer components, features;\n')).toContain('parley/layered');
  });

  it('refuses literal colours and z-indexes outside the tokens', async () => {
    const found = await problems('@layer features {\n  .toast {\n    z-index: 150;\n    color: #fff;\n    background: rgb(0 0 0);\n  }\n}\n');
    expect(found).toEqual(expect.arrayContaining(['declaration-property-value-allowed-list', 'color-no-hex', 'function-disallowed-list']));
  });

  it('declares the layers in the foundation in the order the plugin enforces', () => {
    const foundation = readFileSync('renderer/styles/foundation.css', 'utf8');
    expect(/^@layer ([a-z, ]+);$/m.exec(foundation)?.[1]?.split(/,\s*/)).toEqual(LAYERS);
  });
});
