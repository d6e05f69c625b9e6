// `node scripts/icons.js`: draws resources/icon.svg at every size the installers need and writes
// resources/icon.png (window, Linux), resources/icon.ico (Windows) and resources/icon.icns (macOS).
// Run it by hand after changing the SVG; electron-builder then uses the files as they are (it would
// otherwise download a converter).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const resources = path.resolve(import.meta.dirname, '../resources');
const svg = fs.readFileSync(path.join(resources, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();

/** The icon drawn at `size` pixels: its PNG and its raw RGBA pixels. */
async function draw(size) {
  const { png, rgba } = await page.evaluate(
    async ({ svg, size }) => {
      const image = new Image();
      image.src = `data:image/svg+xml;base64,${btoa(svg)}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, size, size);
      return {
        png: canvas.toDataURL('image/png').split(',')[1],
        rgba: Array.from(context.getImageData(0, 0, size, size).data),
      };
    },
    { svg, size },
  );
  return { size, png: Buffer.from(png, 'base64'), rgba: Uint8Array.from(rgba) };
}

/** A 32-bit BMP icon image (bottom-up BGRA rows and a 1-bit mask), for the small sizes of an ICO. */
function bmpEntry({ size, rgba }) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = ((size - 1 - y) * size + x) * 4;
      const to = (y * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  // The mask is unused with 32-bit pixels (alpha decides) but must be there: all zeros.
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  return Buffer.concat([header, pixels, mask]);
}

/** ICO: BMP images up to 48 px (what older Windows and NSIS read), PNG for 256 px. */
function ico(images) {
  const entries = images.map((image) => (image.size >= 256 ? image.png : bmpEntry(image)));
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach((image, i) => {
    const at = 6 + 16 * i;
    head[at] = image.size >= 256 ? 0 : image.size;
    head[at + 1] = image.size >= 256 ? 0 : image.size;
    head.writeUInt16LE(1, at + 4);
    head.writeUInt16LE(32, at + 6);
    head.writeUInt32LE(entries[i].length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += entries[i].length;
  });
  return Buffer.concat([head, ...entries]);
}

/** ICNS with PNG images (ic07 128 px … ic10 1024 px). */
function icns(images) {
  const types = { 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
  const chunks = images
    .filter((image) => types[image.size])
    .map((image) => {
      const head = Buffer.alloc(8);
      head.write(types[image.size], 0, 'latin1');
      head.writeUInt32BE(image.png.length + 8, 4);
      return Buffer.concat([head, image.png]);
    });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

const images = [];
for (const size of [16, 24, 32, 48, 128, 256, 512, 1024]) images.push(await draw(size));
await browser.close();
const bySize = (sizes) => images.filter((image) => sizes.includes(image.size));

fs.writeFileSync(path.join(resources, 'icon.png'), bySize([256])[0].png);
fs.writeFileSync(path.join(resources, 'icon.ico'), ico(bySize([16, 24, 32, 48, 256])));
fs.writeFileSync(path.join(resources, 'icon.icns'), icns(bySize([128, 256, 512, 1024])));
console.log('resources/icon.png, icon.ico, icon.icns écrits.');
