import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create } from "qrcode";

// A tiny Y4M (YUV4MPEG2) writer, for Chromium's fake camera (`--use-file-for-fake-video-capture`): a
// header line, then per frame `FRAME\n` and the raw planes, 4:2:0 — the Y (brightness) plane W×H, then
// the U and V planes (W/2)×(H/2) each. 128 in U and V is no colour; video black is Y 16, white Y 235.

const BLACK = 16;
const WHITE = 235;
const NO_COLOUR = 128;

export interface QrVideoOptions {
  width?: number;
  height?: number;
  /** Pixels per QR module. */
  moduleSize?: number;
  /** White modules the code needs around it at least (the standard's quiet zone is 4). */
  quietZone?: number;
  /** The same picture this many times (10 frames a second). Chromium plays the file in a loop. */
  frames?: number;
}

/**
 * The brightness plane of a white picture with `text` as a QR code in its middle, drawn module by module
 * from the QR library's own matrix (the library the webapp draws door codes with, at the same level M).
 */
export function qrPicture(text: string, { width = 320, height = 240, moduleSize = 4, quietZone = 4 } = {}) {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const side = (modules.size + 2 * quietZone) * moduleSize;
  if (side > width || side > height)
    throw new Error(`a ${modules.size}-module QR code at ${moduleSize} px per module does not fit ${width}×${height}`);
  const luma = new Uint8Array(width * height).fill(WHITE);
  const left = Math.floor((width - modules.size * moduleSize) / 2);
  const top = Math.floor((height - modules.size * moduleSize) / 2);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < moduleSize; y++) {
        const start = (top + row * moduleSize + y) * width + left + col * moduleSize;
        luma.fill(BLACK, start, start + moduleSize);
      }
    }
  }
  return luma;
}

/** A Y4M video of one grey picture (its Y plane), repeated. */
export function y4mVideo(luma: Uint8Array, { width = 320, height = 240, frames = 10 } = {}): Buffer {
  if (width % 2 || height % 2 || luma.length !== width * height) throw new Error("the picture does not fit the size");
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, "ascii");
  const frame = Buffer.concat([
    Buffer.from("FRAME\n", "ascii"),
    Buffer.from(luma),
    Buffer.alloc((width / 2) * (height / 2) * 2, NO_COLOUR),
  ]);
  return Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]);
}

/** Writes a Y4M video showing `text` as a QR code to a new temporary file, and returns its path. */
export async function writeQrVideo(text: string, options: QrVideoOptions = {}): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "ticketrunners-camera-")), "qr.y4m");
  await writeFile(path, y4mVideo(qrPicture(text, options), options));
  return path;
}
