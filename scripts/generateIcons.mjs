#!/usr/bin/env node
// Makes every app icon from the one source, assets/icon.svg:
//   assets/icons/<n>x<n>.png  (Linux, and electron-builder's fallback)
//   assets/icon.icns          (macOS)
//   assets/icon.ico           (Windows, NSIS)
// The outputs are committed, so `npm run dist` never needs this script; run it after
// editing the SVG: `npm run icons`.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = await readFile(join(assets, 'icon.svg'));
// Each size is rendered from the vector, not scaled down from a big bitmap, so small ones stay sharp.
const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

await mkdir(join(assets, 'icons'), { recursive: true });
const pngs = new Map(SIZES.map((size) => [size, render(size)]));
for (const [size, png] of pngs) {
  await writeFile(join(assets, 'icons', `${size}x${size}.png`), png);
}

// png2icons scales the one input to each size inside the containers; start from the largest.
const master = pngs.get(1024);
const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
// forWinExe: BMP entries below 256 px, because NSIS and rcedit reject PNG-compressed small icons.
const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
if (!icns || !ico) throw new Error('png2icons could not convert assets/icons/1024x1024.png');
await writeFile(join(assets, 'icon.icns'), icns);
await writeFile(join(assets, 'icon.ico'), ico);

console.info(`icons: ${SIZES.length} PNGs, icon.icns (${icns.length} B), icon.ico (${ico.length} B) in ${assets}`);
