import { describe, expect } from "vitest";
import { closeCheckedPage } from "./support/browser";
import { e2eTest as it } from "./support/fixtures";
import { headerName, signedInPerson, textOf } from "./support/flows";

describe("the account page", () => {
  it("changes the name, removes the email and picks Arabic for messages; the header and a reload agree", async ({
    server,
    browser,
  }) => {
    const { person, page } = await signedInPerson(server, browser, "Mona");

    await page.getByRole("link", { name: "Account" }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    const form = page.getByTestId("account-form");
    expect((await form.getByLabel("Mobile number").inputValue()).replace(/\D/g, "")).toBe(person.mobile.e164.slice(1));
    expect(await form.getByLabel("Mobile number").getAttribute("readonly")).not.toBeNull();
    expect(await form.getByLabel("Full name").inputValue()).toBe(person.name);
    expect(await form.getByLabel(/^Email/).inputValue()).toBe(person.email);
    expect(await form.getByLabel("Language of our messages").inputValue()).toBe("en");

    // The shared name rules apply here too, before anything is sent.
    await form.getByLabel("Full name").fill("Call 010 1234 5678");
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.getByText("A name cannot contain a phone number").waitFor();

    await form.getByLabel("Full name").fill("Mona Adel");
    await form.getByLabel(/^Email/).fill("");
    await form.getByLabel("Language of our messages").selectOption("ar");
    const [saved] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith("/users/me/") && r.method() === "PATCH"),
      form.getByRole("button", { name: "Save changes" }).click(),
    ]);
    expect(saved.postDataJSON()).toEqual({ name: "Mona Adel", email: null, locale: "ar" });
    await form.getByRole("status").filter({ hasText: "Your details are saved." }).waitFor();
    await headerName(page).filter({ hasText: "Mona Adel" }).waitFor();
    // The page itself stays in English: the message language is not the site's.
    expect(await page.getAttribute("html", "lang")).toBe("en");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    expect(await form.getByLabel("Full name").inputValue()).toBe("Mona Adel");
    expect(await form.getByLabel(/^Email/).inputValue()).toBe("");
    expect(await form.getByLabel("Language of our messages").inputValue()).toBe("ar");
    expect(await textOf(headerName(page))).toBe("Mona Adel");
    await closeCheckedPage(page);
  });
});
