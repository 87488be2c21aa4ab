// The app icon, made at build time from the one drawing in assets/icon.svg:
//   build/icon.png          512×512, electron-builder's Linux icon
//   build/icon.ico          Windows: the .exe, the installer and its shortcuts (electron-builder's default)
//   dist/electron/icon.png  the window's icon (taskbar on Linux), packaged with the shell
// Rasterised by resvg compiled to WebAssembly (one npm package, no native binary per platform).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

/** The sizes Windows asks an .ico for (Explorer views, taskbar, title bar, high-DPI shortcuts). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

let ready: Promise<void> | undefined;
function init(): Promise<void> {
  const wasm = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  return (ready ??= initWasm(fs.readFileSync(wasm)));
}

export interface Raster {
  size: number;
  png: Uint8Array;
  /** RGBA, top row first, not premultiplied. */
  rgba: Uint8Array;
}

export async function rasterise(svg: string, size: number): Promise<Raster> {
  await init();
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render();
  if (image.width !== size || image.height !== size) throw new Error(`icon.svg must be square: got ${image.width}×${image.height}`);
  return { size, png: image.asPng(), rgba: image.pixels };
}

/**
 * A 32-bit DIB as an .ico entry stores it: BITMAPINFOHEADER (height doubled for the AND mask),
 * BGRA rows bottom-up, then a 1-bit AND mask (all zero: the alpha channel decides).
 */
function dib({ size, rgba }: Raster): Buffer {
  const maskRow = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(40 + size * size * 4 + maskRow * size);
  out.writeUInt32LE(40, 0); // header size
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8);
  out.writeUInt16LE(1, 12); // planes
  out.writeUInt16LE(32, 14); // bits per pixel
  out.writeUInt32LE(0, 16); // BI_RGB
  out.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  let o = 40;
  for (let y = size - 1; y >= 0; y--) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      out[o++] = rgba[i + 2]!;
      out[o++] = rgba[i + 1]!;
      out[o++] = rgba[i]!;
      out[o++] = rgba[i + 3]!;
    }
  }
  return out;
}

/**
 * An .ico file: ICONDIR, one ICONDIRENTRY per image, then the images. The 256 px image is stored
 * as PNG (Vista and later); the small ones as classic DIBs, which every Windows tool reads
 * (NSIS, resource editors, the shell).
 */
export function encodeIco(images: Raster[]): Buffer {
  const bodies = images.map((img) => (img.size >= 256 ? Buffer.from(img.png) : dib(img)));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((img, n) => {
    const e = 6 + 16 * n;
    header[e] = img.size >= 256 ? 0 : img.size; // 0 means 256
    header[e + 1] = img.size >= 256 ? 0 : img.size;
    header[e + 2] = 0; // no palette
    header[e + 3] = 0;
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(bodies[n]!.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += bodies[n]!.length;
  });
  return Buffer.concat([header, ...bodies]);
}

export async function writeIcons(root: string): Promise<void> {
  const svg = fs.readFileSync(path.join(root, 'assets/icon.svg'), 'utf8');
  const ico = encodeIco(await Promise.all(ICO_SIZES.map((s) => rasterise(svg, s))));
  const png = (await rasterise(svg, 512)).png;
  for (const [file, data] of [
    ['build/icon.png', png],
    ['dist/electron/icon.png', png],
    ['build/icon.ico', ico],
  ] as const) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), data);
  }
}
