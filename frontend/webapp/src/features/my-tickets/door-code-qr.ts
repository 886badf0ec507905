import { type QRCodeToDataURLOptions, toDataURL } from "qrcode";

/**
 * How a door code becomes a QR code. A 114-character code fits version 7 at level M (45 modules), which a
 * phone's camera reads from an arm's length; the four-module quiet zone is the standard's, and black on
 * white is what every scanner expects, whatever the page's colours.
 */
export const DOOR_CODE_QR = {
  errorCorrectionLevel: "M",
  margin: 4,
  color: { dark: "#000000ff", light: "#ffffffff" },
} as const;

/**
 * The QR code as a PNG data: URL (the CSP allows data: images), one module per `scale` pixels. It is
 * drawn crisp at any size with `image-rendering: pixelated`, so one image serves the card and the door view.
 */
export const doorCodeImage = (code: string): Promise<string> =>
  toDataURL(code, { ...DOOR_CODE_QR, scale: 8 } satisfies QRCodeToDataURLOptions);
