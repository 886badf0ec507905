import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { uniqueMobile } from "../../../backend/src/test-support/phone-numbers";
import { closeCheckedPage, newPage as newBrowserPage } from "./support/browser";
import { e2eTest as it } from "./support/fixtures";
import { freshPerson, messageIds } from "./support/people";

/** Everything the page keeps in localStorage and sessionStorage, as one string to search. */
const storedByPage = (page: Page) =>
  page.evaluate<string>("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])");

const headerName = (page: Page) => page.getByTestId("header-user-name");

describe("signing up and logging in through the webapp", () => {
  it("signs a person up with an SMS code, logs them out, and logs them back in", async ({ server, browser }) => {
    const page = await newBrowserPage(browser);
    const mobile = uniqueMobile();
    const suffix = mobile.local.slice(-4);
    const name = `Mona Adel ${suffix}`;
    const password = `blue-tram-${suffix}-lantern`;
    const seenSms = new Set<number>();

    // The pages are served under a policy that allows no inline script or style.
    const signupPage = await page.goto(`${server.baseUrl}/signup`);
    const policy = signupPage?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain("unsafe-inline");

    await page.fill('input[name="mobile_number"]', mobile.local);
    await page.fill('input[name="name"]', name);
    await page.fill('input[name="email"]', `mona.${suffix}@example.com`);
    const [registered] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/users/register/")),
      page.getByRole("button", { name: "Continue" }).click(),
    ]);
    const { signup_id } = (await registered.json()) as { signup_id: string };

    const signupOtp = await server.waitForOtp(mobile.e164);
    seenSms.add(signupOtp.message.id);
    await page.fill('input[name="otp_code"]', signupOtp.code);
    const [verified] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/users/verify-otp/")),
      page.getByRole("button", { name: "Verify" }).click(),
    ]);
    // The code is sent bound to the register call that texted it, and buys the signup's secret.
    expect(verified.request().postDataJSON()).toMatchObject({ signup_id });
    const { signup_token } = (await verified.json()) as { signup_token: string };
    expect(signup_token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await page.fill('input[name="password"]', password);
    await page.fill('input[name="password_confirm"]', password);
    // Between the steps the secrets live in memory only: not in storage, not in the address bar.
    const stored = await storedByPage(page);
    expect(stored).not.toContain(signup_id);
    expect(stored).not.toContain(signup_token);
    expect(page.url()).toBe(`${server.baseUrl}/signup`);
    const [completed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/users/complete-registration/")),
      page.getByRole("button", { name: "Create account" }).click(),
    ]);
    expect(completed.request().postDataJSON()).toMatchObject({ signup_token });
    expect(completed.status()).toBe(201);

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
    expect(await storedByPage(page)).not.toContain(signup_token);
    await closeCheckedPage(page);
  }, 120_000);

  it("sends a person whose verification lapsed back to the code step to ask for a new code, then signs them up", async ({
    server,
    browser,
  }) => {
    const page = await newBrowserPage(browser);
    const person = freshPerson("Dina");
    await page.goto(`${server.baseUrl}/signup`);
    await page.fill('input[name="mobile_number"]', person.mobile.local);
    await page.fill('input[name="name"]', person.name);
    let seen = await messageIds(server, person.mobile.e164);
    await page.getByRole("button", { name: "Continue" }).click();
    const first = await server.waitForOtp(person.mobile.e164, seen);
    const firstSentAt = Date.now();
    await page.fill('input[name="otp_code"]', first.code);
    await page.getByRole("button", { name: "Verify" }).click();
    await page.fill('input[name="password"]', person.password);
    await page.fill('input[name="password_confirm"]', person.password);

    // As if the 30 minutes had passed: the server gets a token it does not know, and refuses it.
    await page.route("**/users/complete-registration/", (route) =>
      route.continue({
        postData: JSON.stringify({ ...route.request().postDataJSON(), signup_token: "lapsed-".padEnd(43, "x") }),
      }),
    );
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/users/complete-registration/")),
      page.getByRole("button", { name: "Create account" }).click(),
    ]);
    expect(refused.status()).toBe(401);
    await page.unroute("**/users/complete-registration/");

    await page.getByRole("heading", { name: "Verify your number" }).waitFor();
    const alert = page.getByRole("alert");
    expect(await alert.textContent()).toContain("Your number's verification has expired");
    expect(await alert.textContent()).toContain("Ask for a new code below");
    expect(await headerName(page).count()).toBe(0);

    // A number gets one code a minute; after a real lapse of 30 minutes that wait is long over.
    await page.waitForTimeout(Math.max(0, firstSentAt + 62_000 - Date.now()));
    seen = await messageIds(server, person.mobile.e164);
    await page.getByRole("button", { name: "Resend code" }).click();
    await page.getByText("We sent you a new code.").waitFor();
    const second = await server.waitForOtp(person.mobile.e164, seen);
    await page.fill('input[name="otp_code"]', second.code);
    await page.getByRole("button", { name: "Verify" }).click();
    await page.fill('input[name="password"]', person.password);
    await page.fill('input[name="password_confirm"]', person.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await headerName(page).filter({ hasText: person.name }).waitFor();
    await page.context().close();
  }, 150_000);

  it("shows the name rules of the shared schema in words, in English and in Arabic", async ({ server, browser }) => {
    const page = await newBrowserPage(browser);
    await page.goto(`${server.baseUrl}/signup`);
    await page.fill('input[name="mobile_number"]', freshPerson("Hala").mobile.local);
    await page.fill('input[name="name"]', "Prize at bit.ly/win");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByText("A name cannot contain a web address").waitFor();
    await page.fill('input[name="name"]', "Hala 010 1234 5678");
    await page.getByText("A name cannot contain a phone number").waitFor();

    await page.getByRole("button", { name: "العربية" }).click();
    await page.getByText("لا يمكن أن يحتوي الاسم على رقم هاتف").waitFor();
    // Refused by the form: nothing was texted.
    expect(await page.getByRole("heading", { name: "تحقّق من رقمك" }).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it("tells a person their password is wrong, in an alert", async ({ server, browser }) => {
    const page = await newBrowserPage(browser);
    const mobile = uniqueMobile();

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
