// The app icon comes from one drawing (assets/icon.svg) at build time: a 512 px PNG for Linux and
// the window, and a Windows .ico whose images Chromium's own decoder reads back as the drawing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { encodeIco, ICO_SIZES, rasterise, writeIcons } from '../../scripts/icons.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { tempDir } from '../helpers/tempDir.ts';

const root = path.resolve(import.meta.dirname, '../..');
const svg = fs.readFileSync(path.join(root, 'assets/icon.svg'), 'utf8');

function pngSize(png: Uint8Array): [number, number] {
  const b = Buffer.from(png);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('app icon', () => {
  const tmp = tempDir();
  let browser: Browser;
  beforeAll(async () => {
    fs.mkdirSync(path.join(tmp.dir, 'assets'));
    fs.copyFileSync(path.join(root, 'assets/icon.svg'), path.join(tmp.dir, 'assets/icon.svg'));
    await writeIcons(tmp.dir);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    tmp.cleanup();
  });

  it('writes the Linux/window PNG and the Windows .ico where electron-builder and the shell look', () => {
    expect(pngSize(fs.readFileSync(path.join(tmp.dir, 'build/icon.png')))).toEqual([512, 512]);
    expect(fs.readFileSync(path.join(tmp.dir, 'dist/electron/icon.png'))).toEqual(fs.readFileSync(path.join(tmp.dir, 'build/icon.png')));
    const ico = fs.readFileSync(path.join(tmp.dir, 'build/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, n) => ico[6 + 16 * n] || 256);
    expect(sizes).toEqual([...ICO_SIZES]);
    expect(sizes).toContain(256); // electron-builder refuses a Windows icon without a 256 px image
    // Every entry points inside the file, one after another.
    let end = 6 + 16 * count;
    for (let n = 0; n < count; n++) {
      expect(ico.readUInt32LE(6 + 16 * n + 12)).toBe(end);
      end += ico.readUInt32LE(6 + 16 * n + 8);
    }
    expect(end).toBe(ico.length);
  });

  it('the browser tab shows the same drawing', () => {
    expect(fs.readFileSync(path.join(root, 'renderer/public/favicon.svg'), 'utf8')).toBe(svg);
  });

  it('Chromium decodes each size of the .ico to the drawing, small bitmaps and the 256 px PNG alike', async () => {
    const page = await browser.newPage();
    for (const size of [16, 32, 48, 256]) {
      const raster = await rasterise(svg, size);
      const ico = encodeIco([raster]); // one image per file: the decoder cannot pick another
      const decoded = await page.evaluate(
        async ({ b64, size }) => {
          const img = new Image();
          img.src = `data:image/x-icon;base64,${b64}`;
          await img.decode();
          const canvas = new OffscreenCanvas(size, size);
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return { w: img.naturalWidth, data: Array.from(ctx.getImageData(0, 0, size, size).data) };
        },
        { b64: ico.toString('base64'), size },
      );
      expect(decoded.w, `${size}px`).toBe(size);
      // Same pixels as the raster, up to rounding of premultiplied alpha at the edges.
      let off = 0;
      for (let i = 0; i < decoded.data.length; i += 4) {
        const a = raster.rgba[i + 3]!;
        if (a < 250) continue;
        for (let c = 0; c < 3; c++) if (Math.abs(decoded.data[i + c]! - raster.rgba[i + c]!) > 2) off++;
      }
      expect(off, `${size}px`).toBe(0);
      // The drawing, not its mirror image: top-left corner transparent, centre-top of the "M" white.
      expect(raster.rgba[3]).toBe(0);
      const mid = (Math.round(size * 0.3) * size + Math.round(size * 0.25)) * 4;
      expect(decoded.data.slice(mid, mid + 3)).toEqual([255, 255, 255]);
    }
    await page.close();
  }, 60_000);
});
