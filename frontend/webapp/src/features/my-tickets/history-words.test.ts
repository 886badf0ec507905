import { TICKET_HISTORY_ACTIONS } from "@ticketrunners/shared";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { testTranslator } from "../../i18n/test-translator";
import { HISTORY_WORDS, historyNumber, historyWordsKey } from "./history-words";

let english: TFunction;
let arabic: TFunction;

beforeAll(async () => {
  english = await testTranslator("en", false);
  arabic = await testTranslator("ar", false);
});

describe("ticket history words", () => {
  it("has a sentence in English and Arabic for every action and every number it can name", () => {
    for (const action of TICKET_HISTORY_ACTIONS) {
      for (const key of Object.values(HISTORY_WORDS[action])) {
        expect(english(key), key).not.toBe(key);
        expect(arabic(key), key).not.toBe(key);
        expect(arabic(key), key).not.toBe(english(key));
      }
    }
  });

  it("picks the sentence by the numbers an entry names", () => {
    expect(historyWordsKey({ action: "reassigned", from: "+20 10 ••• ••12", to: "+20 11 ••• ••58" })).toBe(
      "history.reassignedFromTo",
    );
    expect(historyWordsKey({ action: "reassigned", from: null, to: "+20 11 ••• ••58" })).toBe("history.reassignedTo");
    expect(historyWordsKey({ action: "given", from: null, to: null })).toBe("history.given");
    expect(historyWordsKey({ action: "issued", from: null, to: "+201012345678" })).toBe("history.issued");
  });

  it("spaces the caller's own number as people read it, and shows a masked one as the server wrote it", () => {
    expect(historyNumber("+201012345678")).toBe("+20 10 12345678");
    expect(historyNumber("+20 11 ••• ••58")).toBe("+20 11 ••• ••58");
    expect(historyNumber(null)).toBe("");
  });

  it("puts the numbers into the sentence in both languages", () => {
    const values = { from: "+20 10 ••• ••12", to: "+20 11 ••• ••58" };
    expect(english("history.reassignedFromTo", values)).toBe(
      "Number changed from <m>+20 10 ••• ••12</m> to <n>+20 11 ••• ••58</n>",
    );
    expect(arabic("history.transferredTo", values)).toBe("نُقلت إلى <n>+20 11 ••• ••58</n>");
  });
});
