// A QR code drawn as SVG squares (qrcode-generator for the matrix): crisp at
// any size, no canvas, no data: URL, so it works under the strict CSP.

import { useMemo } from "preact/hooks";
import qrcode from "qrcode-generator";

type Props = { text: string; size?: number; label: string };

/** The dark modules of a QR code for `text` (error correction M). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

export function QrCode({ text, size = 220, label }: Props) {
  const { n, d } = useMemo(() => {
    const m = qrMatrix(text);
    let path = "";
    m.forEach((row, r) => {
      row.forEach((dark, c) => {
        if (dark) path += `M${c + 4} ${r + 4}h1v1h-1z`;
      });
    });
    return { n: m.length + 8, d: path };
  }, [text]);
  return (
    <svg
      class="qr"
      width={size}
      height={size}
      viewBox={`0 0 ${n} ${n}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <title>{label}</title>
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#10262e" />
    </svg>
  );
}
