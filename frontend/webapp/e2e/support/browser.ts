import { type Browser, chromium, type Page, type Request } from "playwright-core";
import { expect } from "vitest";

/**
 * A headless Chromium. With `fakeCamera` (a Y4M file, see `y4m.ts`) its camera plays that file and every
 * page may use it without asking: Chromium's own fake capture device, so getUserMedia, the video
 * element and the page's decoding all run for real.
 */
export function launchBrowser(options: { fakeCamera?: string } = {}): Promise<Browser> {
  const camera = options.fakeCamera
    ? [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        `--use-file-for-fake-video-capture=${options.fakeCamera}`,
      ]
    : [];
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      ...camera,
    ],
  });
}

/** A phone's screen (an iPhone SE's CSS pixels), for the pages used standing at a door. */
export const PHONE_VIEWPORT = { width: 375, height: 667 } as const;

const violations = new WeakMap<Page, string[]>();

/**
 * A page in its own context: its own storage, so its own signed-in person. Whatever the server's
 * Content-Security-Policy refuses on it (an inline script or style, an eval) is recorded for
 * `cspViolations`: Chromium reports each refusal on the console.
 */
export async function newPage(
  browser: Browser,
  locale = "en-US",
  viewport: { width: number; height: number } = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  // Chromium does not always log a refusal to the console (an eval probe inside try/catch is refused
  // silently), but it always fires this event: say it on the console too.
  await context.addInitScript(`document.addEventListener("securitypolicyviolation", (event) => {
    console.error("Content Security Policy refused " + event.violatedDirective + " " + event.blockedURI +
      " at " + event.sourceFile + ":" + event.lineNumber);
  });`);
  const page = await context.newPage();
  const refused: string[] = [];
  violations.set(page, refused);
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return page;
}

/** The URL of every request the page sends from now on that `matches`, so a test can count them. */
export function recordRequests(page: Page, matches: (request: Request) => boolean): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (matches(request)) seen.push(request.url());
  });
  return seen;
}

/** What the Content-Security-Policy refused on a page opened with `newPage`, so far. */
export const cspViolations = (page: Page): readonly string[] => violations.get(page) ?? [];

/** A test's last look at a page opened with `newPage`: the Content-Security-Policy refused nothing on it. Then it is closed. */
export async function closeCheckedPage(page: Page): Promise<void> {
  expect(cspViolations(page)).toEqual([]);
  await page.context().close();
}
