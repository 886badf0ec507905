import jsQR from "jsqr";
import type { Locator } from "playwright-core";
import { describe, expect } from "vitest";
import { closeCheckedPage, newPage, PHONE_VIEWPORT } from "./support/browser";
import { e2eTest as it } from "./support/fixtures";
import { isInLtrElement, logIn, openMyTickets, textInScreenOrder, textOf } from "./support/flows";
import { bookThroughApi, freshPerson, myTicketsThroughApi, registeredPerson } from "./support/people";

// What a holder shows at the door: each held ticket's QR code (made in the browser from the door code
// the API gives only to its holder), and "Show at the door", full screen, black on white.

const EVENT = "Community Open Day";
const CATEGORY = "Free entry";

/** What the QR code in an <img> says: its pixels read in the page, decoded here with jsQR. */
async function qrTextOf(image: Locator): Promise<string | undefined> {
  const picture = await image.evaluate(async (img) => {
    await img.decode();
    // Half size is still two pixels a module: plenty for a decoder, and a quarter of the data to send back.
    const width = Math.round(img.naturalWidth / 2);
    const height = Math.round(img.naturalHeight / 2);
    const canvas = img.ownerDocument.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    context.imageSmoothingEnabled = false;
    context.drawImage(img, 0, 0, width, height);
    return { width, height, data: Array.from<number>(context.getImageData(0, 0, width, height).data) };
  });
  return jsQR(Uint8ClampedArray.from(picture.data), picture.width, picture.height)?.data;
}

describe("door codes", () => {
  it("shows each held ticket's QR code and the full-screen door view in Arabic, and no code for a gift still waiting", async ({
    server,
    browser,
  }) => {
    const holder = await registeredPerson(server, "Rana");
    const friend = freshPerson("Salma");
    await bookThroughApi(server, holder.tokens, {
      event: EVENT,
      category: CATEGORY,
      assignees: [null, { mobile_number: friend.mobile.local, name: "Salma" }],
    });
    const { owned, sent } = await myTicketsThroughApi(server, holder.tokens);
    const [held] = owned;
    if (!held?.door_code) throw new Error("the holder's ticket has no door code");
    // Only the holder gets a code: the buyer of a gift does not, and nor does anyone for a waiting ticket.
    expect(sent.map((t) => t.door_code)).toEqual([null]);

    const page = await newPage(browser, "en-US", PHONE_VIEWPORT);
    await logIn(page, server, holder);
    await page.getByRole("button", { name: "العربية" }).click();
    await page.locator('html[dir="rtl"]').waitFor({ state: "attached" });
    await openMyTickets(page, server, "owned");

    // The card: the QR code says the door code, with the ticket number under it, read left to right.
    const card = page.locator(`[data-testid="owned-ticket"][data-ticket-id="${held.id}"]`);
    const image = card.getByTestId("door-code-image");
    await image.waitFor();
    expect(await image.getAttribute("alt")).toBe(`رمز QR للتذكرة ${held.ticket_number}`);
    expect(await image.getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    expect(await qrTextOf(image)).toBe(held.door_code);
    const number = card.getByTestId("door-code").locator("figcaption bdi");
    expect(await isInLtrElement(number)).toBe(true);
    expect(await textInScreenOrder(number)).toBe(held.ticket_number);

    // Show at the door: the whole screen, black on white, with the number, the event and the holder.
    const show = card.getByRole("button", { name: "اعرضها عند الباب" });
    await show.click();
    const view = page.getByRole("dialog", { name: "تذكرتك" });
    await view.waitFor();
    const box = await view.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: PHONE_VIEWPORT.width, height: PHONE_VIEWPORT.height });
    const colours = await view.evaluate((element) => {
      const style = element.ownerDocument.defaultView?.getComputedStyle(element);
      return { background: style?.backgroundColor, text: style?.color };
    });
    expect(colours).toEqual({ background: "rgb(255, 255, 255)", text: "rgb(0, 0, 0)" });
    const big = view.getByTestId("door-view-image");
    expect((await big.boundingBox())?.width).toBeGreaterThan(300);
    expect(await qrTextOf(big)).toBe(held.door_code);
    expect(await textInScreenOrder(view.getByTestId("door-view-number").locator('bdi[dir="ltr"]'))).toBe(
      held.ticket_number,
    );
    expect(await textOf(view.getByTestId("door-view-event"))).toContain(EVENT);
    expect(await textOf(view.getByTestId("door-view-holder"))).toBe(holder.name);
    expect(await textOf(view)).toContain("حامل التذكرة");

    // Escape returns to the list, to the button that opened it.
    await page.keyboard.press("Escape");
    await view.waitFor({ state: "detached" });
    expect(await show.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);

    // The close button does too.
    await show.click();
    await view.getByRole("button", { name: "إغلاق" }).click();
    await view.waitFor({ state: "detached" });

    // The gift waiting for the friend is under Sent, without a code.
    await page.getByTestId("tab-sent").click();
    const gift = page.locator(`[data-testid="sent-ticket"][data-recipient="${friend.mobile.e164}"]`);
    await gift.waitFor();
    expect(await page.getByTestId("door-code").count()).toBe(0);
    expect(await page.locator("img").count()).toBe(0);

    await closeCheckedPage(page);
  });
});
