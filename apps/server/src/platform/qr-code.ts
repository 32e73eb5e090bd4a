/**
 * QR codes for links people scan (a board's join page, a feedback form, an event check-in). qrcode is
 * loaded on first use, like pdfkit (platform/pdf.ts): a start of the server need not pay for it.
 */
export async function qrCodeSvg(text: string, margin: number): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'svg', margin, errorCorrectionLevel: 'M' });
}

/** A PNG for an e-mail attachment, where an SVG would not show. */
export async function qrCodePng(text: string): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(text, { type: 'png', margin: 2, width: 360 });
}
