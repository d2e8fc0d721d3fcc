import qrcode from 'qrcode-generator';

/**
 * A QR code for a poll's join link as an SVG path (quiet zone of 4 modules), drawn as in
 * events/ticketQr.ts; byte mode, because a URL's path is case-sensitive.
 */
export function joinQrPath(url: string): { size: number; path: string } {
  const qr = qrcode(0, 'M');
  qr.addData(url, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (qr.isDark(row, col)) parts.push(`M${col + 4} ${row + 4}h1v1h-1z`);
  }
  return { size: n + 8, path: parts.join('') };
}
