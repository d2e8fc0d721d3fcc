import qrcode from 'qrcode-generator';

/**
 * A QR code for a check-in code as an SVG path over a square of `size` modules (a quiet zone
 * of 4 modules included), drawn by the ticket page without any library of its own.
 */
export function qrPath(text: string): { size: number; path: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Alphanumeric');
  qr.make();
  const n = qr.getModuleCount();
  const margin = 4;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (qr.isDark(row, col)) parts.push(`M${col + margin} ${row + margin}h1v1h-1z`);
  }
  return { size: n + margin * 2, path: parts.join('') };
}
