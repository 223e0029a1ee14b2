/**
 * The colour tokens keep their promise in both themes: text at least 4.5:1 against every
 * surface it is drawn on, control borders, the focus ring and the accent at least 3:1
 * (WCAG 2.2, 1.4.3 and 1.4.11). Read from the real tokens.css, so a changed colour that
 * breaks a pair fails here with the pair and its ratio.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Rgb = [number, number, number];

const css = readFileSync('renderer/styles/tokens.css', 'utf8');

/** Every `--color-x: light-dark(a, b)` token as its light and dark colour. */
function colourTokens(source: string): Map<string, { light: string; dark: string }> {
  const tokens = new Map<string, { light: string; dark: string }>();
  for (const match of source.matchAll(/(--color-[a-z-]+):\s*light-dark\(\s*(#[0-9a-f]{3,6}|rgb\([^)]*\))\s*,\s*(#[0-9a-f]{3,6}|rgb\([^)]*\))\s*\)/gi)) {
    const [, name, light, dark] = match;
    if (name && light && dark) tokens.set(name, { light, dark });
  }
  return tokens;
}

function parseColour(value: string): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
    return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as Rgb;
  }
  const rgb = /^rgb\((\d+)\s+(\d+)\s+(\d+)\)$/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`An opaque colour was expected, got ${value}`);
}

/** WCAG relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const s = value / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const SURFACES = ['bg-canvas', 'bg-sidebar', 'bg-subtle', 'bg-hover', 'bg-selected', 'bg-raised', 'bg-overlay', 'bg-user-message', 'bg-code'];
const TEXT = 4.5;
const UI = 3;

/** [foreground, background, minimum ratio]: every pairing the design system allows. */
const PAIRS: [string, string, number][] = [
  ...['text', 'text-secondary', 'text-tertiary'].flatMap((text) => SURFACES.map((surface): [string, string, number] => [text, surface, TEXT])),
  ...['bg-canvas', 'bg-raised', 'bg-overlay', 'bg-sidebar', 'accent-soft'].map((surface): [string, string, number] => ['accent-text', surface, TEXT]),
  ['text-on-accent', 'accent', TEXT],
  ['text-on-accent', 'accent-hover', TEXT],
  ['text-inverse', 'text', TEXT],
  ['text', 'mark', TEXT],
  ['text', 'accent-soft', TEXT],
  ...(['danger', 'warning', 'success'] as const).flatMap((status): [string, string, number][] => [
    [status, `${status}-soft`, TEXT],
    [status, 'bg-canvas', TEXT],
    [status, 'bg-raised', TEXT],
    ['text', `${status}-soft`, TEXT],
  ]),
  ...['bg-canvas', 'bg-raised', 'bg-overlay', 'bg-sidebar', 'bg-subtle'].flatMap((surface): [string, string, number][] => [
    ['border-control', surface, UI],
    ['focus', surface, UI],
    ['accent', surface, UI],
  ]),
];

describe('design tokens', () => {
  const tokens = colourTokens(css);

  it('reads every colour role from tokens.css', () => {
    const named = new Set(PAIRS.flatMap(([fg, bg]) => [`--color-${fg}`, `--color-${bg}`]));
    const missing = [...named].filter((name) => !tokens.has(name));
    expect(missing).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`meets the contrast minimums in the ${theme} theme`, () => {
      const failing = PAIRS.flatMap(([fg, bg, minimum]) => {
        const fgValue = tokens.get(`--color-${fg}`)?.[theme];
        const bgValue = tokens.get(`--color-${bg}`)?.[theme];
        if (!fgValue || !bgValue) return [`${fg} on ${bg}: missing`];
        const ratio = contrast(parseColour(fgValue), parseColour(bgValue));
        return ratio >= minimum ? [] : [`${fg} on ${bg}: ${ratio.toFixed(2)} < ${minimum}`];
      });
      expect(failing).toEqual([]);
    });
  }

  it('computes contrast as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([0x76, 0x76, 0x76], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });
});
