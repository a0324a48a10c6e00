// Draws Layerlab's icon (a small 3-4-2 network on a rounded tile) into assets/icons/icon.png,
// 512 × 512 RGBA, with no image library: pixels are computed, then PNG-encoded with zlib.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const S = 512;
const px = new Float32Array(S * S * 4);
const blend = (x, y, [r, g, b], a) => {
  if (x < 0 || y < 0 || x >= S || y >= S || a <= 0) return;
  const i = (y * S + x) * 4;
  const k = Math.min(1, a);
  px[i] = px[i] * (1 - k) + r * k;
  px[i + 1] = px[i + 1] * (1 - k) + g * k;
  px[i + 2] = px[i + 2] * (1 - k) + b * k;
  px[i + 3] = Math.min(1, px[i + 3] + k * (1 - px[i + 3]));
};
// Rounded tile.
for (let y = 0; y < S; y++)
  for (let x = 0; x < S; x++) {
    const r = 96,
      m = 24;
    const dx = Math.max(m + r - x, 0, x - (S - m - r)),
      dy = Math.max(m + r - y, 0, y - (S - m - r));
    const d = Math.hypot(dx, dy) - r;
    blend(x, y, [0.13, 0.2, 0.36], Math.min(1, Math.max(0, 0.5 - d)));
  }
const layers = [
  [3, 130],
  [4, 256],
  [2, 382],
].map(([n, x]) => Array.from({ length: n }, (_, i) => [x, 256 + (i - (n - 1) / 2) * 92]));
const line = ([x0, y0], [x1, y1], w, c) => {
  const minX = Math.floor(Math.min(x0, x1) - w),
    maxX = Math.ceil(Math.max(x0, x1) + w);
  const minY = Math.floor(Math.min(y0, y1) - w),
    maxY = Math.ceil(Math.max(y0, y1) + w);
  const L = Math.hypot(x1 - x0, y1 - y0);
  for (let y = minY; y <= maxY; y++)
    for (let x = minX; x <= maxX; x++) {
      const t = Math.max(0, Math.min(1, ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / (L * L)));
      const d = Math.hypot(x - (x0 + t * (x1 - x0)), y - (y0 + t * (y1 - y0)));
      blend(x, y, c, (w / 2 + 0.5 - d) * 0.85);
    }
};
for (let l = 0; l < 2; l++)
  for (const a of layers[l]) for (const b of layers[l + 1]) line(a, b, 7, [0.55, 0.66, 1]);
const colours = [
  [0.4, 0.85, 0.45],
  [0.42, 0.6, 1],
  [1, 0.45, 0.42],
];
layers.forEach((layer, l) =>
  layer.forEach(([cx, cy]) => {
    for (let y = cy - 40; y <= cy + 40; y++)
      for (let x = cx - 40; x <= cx + 40; x++) {
        const d = Math.hypot(x - cx, y - cy);
        blend(x, y, [1, 1, 1], 34.5 - d);
        blend(x, y, colours[l], 27.5 - d);
      }
  }),
);
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) {
  raw[y * (S * 4 + 1)] = 0;
  for (let x = 0; x < S * 4; x++)
    raw[y * (S * 4 + 1) + 1 + x] = Math.round(px[y * S * 4 + x] * 255);
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../assets/icons/icon.png');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
