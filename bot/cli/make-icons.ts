import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.js';

/**
 * Draws the two app icons Teams requires: color.png 192×192 (full-bleed background) and
 * outline.png 32×32 (white on transparent). A house with a door: home-based support.
 * Run: npx tsx bot/cli/make-icons.ts
 */

type Rgba = [number, number, number, number];
const TEAL: Rgba = [31, 111, 92, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** True where the house is, on a unit square (0..1 on both axes, y down). */
function inHouse(x: number, y: number): boolean {
  const roof = y >= 0.18 && y < 0.48 && Math.abs(x - 0.5) <= (y - 0.18) * (0.34 / 0.3);
  const body = y >= 0.46 && y <= 0.82 && x >= 0.26 && x <= 0.74;
  const door = y >= 0.6 && y <= 0.82 && x >= 0.44 && x <= 0.56;
  return (roof || body) && !door;
}

function draw(size: number, background: Rgba, foreground: Rgba): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = inHouse((x + 0.5) / size, (y + 0.5) / size) ? foreground : background;
      pixels.set(colour, (y * size + x) * 4);
    }
  }
  return pixels;
}

const dir = fileURLToPath(new URL('../../appPackage/', import.meta.url));
writeFileSync(`${dir}color.png`, encodePng(192, 192, draw(192, TEAL, WHITE)));
writeFileSync(`${dir}outline.png`, encodePng(32, 32, draw(32, CLEAR, WHITE)));
console.log(`wrote ${dir}color.png and ${dir}outline.png`);
