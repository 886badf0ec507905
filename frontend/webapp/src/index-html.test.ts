import { describe, expect, it } from "vitest";
import indexHtml from "../index.html?raw";

// The server sends `script-src 'self'; style-src 'self'` with no 'unsafe-inline': the page the build
// starts from must work with scripts and styles from files only.
describe("index.html", () => {
  it("has no inline script, style element, style attribute or event handler attribute", () => {
    expect(indexHtml).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    expect(indexHtml).not.toMatch(/<style[\s>]/i);
    expect(indexHtml).not.toMatch(/\sstyle\s*=/i);
    expect(indexHtml).not.toMatch(/\son[a-z]+\s*=/i);
  });
});
