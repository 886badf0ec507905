import { normalizeMobileNumber } from "@ticketrunners/shared";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "./support/server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh Egyptian mobile number, as a person types it locally and internationally. */
function freshMobileNumber() {
  const subscriber = String(Math.floor(Math.random() * 100_000_000)).padStart(8, "0");
  const local = `010${subscriber}`;
  const international = `+20 10 ${subscriber.slice(0, 4)} ${subscriber.slice(4)}`;
  const e164 = normalizeMobileNumber(local, "EG");
  if (!e164) throw new Error(`${local} is not a valid Egyptian mobile number`);
  return { local, international, e164 };
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

const headerName = (page: Page) => page.getByTestId("header-user-name");

describe("signing up and logging in through the webapp", () => {
  it("signs a person up with an SMS code, logs them out, and logs them back in", async () => {
    const page = await newPage();
    const mobile = freshMobileNumber();
    const suffix = mobile.local.slice(-4);
    const name = `Mona Adel ${suffix}`;
    const password = `blue-tram-${suffix}-lantern`;
    const seenSms = new Set<string>();

    await page.goto(`${server.baseUrl}/signup`);
    await page.fill('input[name="mobile_number"]', mobile.local);
    await page.fill('input[name="name"]', name);
    await page.fill('input[name="email"]', `mona.${suffix}@example.com`);
    await page.getByRole("button", { name: "Continue" }).click();

    const signupOtp = await server.waitForOtp(mobile.e164);
    seenSms.add(signupOtp.message.id);
    await page.fill('input[name="otp_code"]', signupOtp.code);
    await page.getByRole("button", { name: "Verify" }).click();

    await page.fill('input[name="password"]', password);
    await page.fill('input[name="password_confirm"]', password);
    await page.getByRole("button", { name: "Create account" }).click();

    await headerName(page).filter({ hasText: name }).waitFor();
    // A new account with no tickets waiting for its number lands on the home page.
    await page.waitForURL(`${server.baseUrl}/`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Welcome back, ${name}`);

    await page.getByRole("button", { name: "Log out" }).click();
    await headerName(page).waitFor({ state: "detached" });

    // A signed-out visit to a private page goes through login and comes back.
    await page.goto(`${server.baseUrl}/my-tickets`);
    await page.waitForURL(`${server.baseUrl}/login?next=/my-tickets`);
    await page.fill('input[name="mobile_number"]', mobile.international);
    await page.fill('input[name="password"]', password);
    await page.getByRole("button", { name: "Log in" }).click();

    const loginOtp = await server.waitForOtp(mobile.e164, seenSms);
    await page.fill('input[name="otp_code"]', loginOtp.code);
    await page.getByRole("button", { name: "Verify" }).click();

    await page.waitForURL(`${server.baseUrl}/my-tickets`);
    await headerName(page).filter({ hasText: name }).waitFor();
    await page.getByText("You have no tickets yet").waitFor();

    await page.getByRole("button", { name: "العربية" }).click();
    await page.locator('html[dir="rtl"]').waitFor({ state: "attached" });
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    await page.getByRole("button", { name: "تسجيل الخروج" }).waitFor();

    // The choice of language survives a reload, and so does the session.
    await page.reload();
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await headerName(page).filter({ hasText: name }).waitFor();
    await page.context().close();
  }, 120_000);

  it("tells a person their password is wrong, in an alert", async () => {
    const page = await newPage();
    const mobile = freshMobileNumber();

    await page.goto(`${server.baseUrl}/login`);
    await page.fill('input[name="mobile_number"]', mobile.local);
    await page.fill('input[name="password"]', "not-the-password");
    await page.getByRole("button", { name: "Log in" }).click();

    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("The mobile number or password is not correct.");
    expect(await headerName(page).count()).toBe(0);
    await page.context().close();
  }, 60_000);
});
