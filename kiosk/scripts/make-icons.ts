// Draws the kiosk's app icons (no external assets): a teal tile with a white
// ring and an amber dot — a lens, "what people see". Writes PNGs (192, 512,
// 512 maskable) and the matching SVG into public/icons. Run: npm run icons -w kiosk
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const out = fileURLToPath(new URL("../public/icons/", import.meta.url));
const TEAL = [15, 82, 87] as const;
const WHITE = [255, 255, 255] as const;
const AMBER = [245, 184, 65] as const;

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Colour at (x, y) in unit coordinates, or null for transparent. */
function paint(x: number, y: number, maskable: boolean): readonly number[] | null {
  const dx = x - 0.5;
  const dy = y - 0.5;
  if (!maskable) {
    const r = 0.2;
    const qx = Math.max(Math.abs(dx) - (0.5 - r), 0);
    const qy = Math.max(Math.abs(dy) - (0.5 - r), 0);
    if (Math.hypot(qx, qy) > r) return null;
  }
  const d = Math.hypot(dx, dy);
  const scale = maskable ? 0.8 : 1;
  if (d < 0.1 * scale) return AMBER;
  if (d > 0.24 * scale && d < 0.31 * scale) return WHITE;
  return TEAL;
}

function draw(size: number, maskable: boolean): Buffer {
  const ss = 4;
  const px = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = paint((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size, maskable);
          if (!c) continue;
          r += c[0] as number;
          g += c[1] as number;
          b += c[2] as number;
          a++;
        }
      }
      const i = (y * size + x) * 4;
      px[i] = a ? Math.round(r / a) : 0;
      px[i + 1] = a ? Math.round(g / a) : 0;
      px[i + 2] = a ? Math.round(b / a) : 0;
      px[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return png(size, px);
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <title>Sightline</title>
  <rect width="100" height="100" rx="20" fill="rgb(${TEAL.join(",")})"/>
  <circle cx="50" cy="50" r="27.5" fill="none" stroke="#fff" stroke-width="7"/>
  <circle cx="50" cy="50" r="10" fill="rgb(${AMBER.join(",")})"/>
</svg>
`;

mkdirSync(out, { recursive: true });
writeFileSync(join(out, "icon-192.png"), draw(192, false));
writeFileSync(join(out, "icon-512.png"), draw(512, false));
writeFileSync(join(out, "icon-maskable-512.png"), draw(512, true));
writeFileSync(join(out, "icon.svg"), SVG);
console.log(`icons written to ${out}`);
