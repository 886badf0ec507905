import { describe, expect, it } from "vitest";
import { safeNextPath, withNext } from "./safe-next";

const origin = "https://tickets.example";

describe("safeNextPath", () => {
  it("follows a same-origin path with its query and fragment", () => {
    expect(safeNextPath("/my-tickets?tab=sent#top", "/", origin)).toBe("/my-tickets?tab=sent#top");
  });

  it.each([
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["/\t/evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["my-tickets"],
    [""],
    [null],
  ])("refuses %j and falls back", (next) => {
    expect(safeNextPath(next, "/", origin)).toBe("/");
  });
});

describe("withNext", () => {
  it("keeps the slashes of the next path readable", () => {
    expect(withNext("/login", "/my-tickets")).toBe("/login?next=/my-tickets");
  });

  it("encodes what would break the query string", () => {
    expect(withNext("/login", "/a?b=c&d=e")).toBe("/login?next=/a%3Fb%3Dc%26d%3De");
  });

  it("leaves the parameter out when there is nowhere special to return to", () => {
    expect(withNext("/signup", null)).toBe("/signup");
    expect(withNext("/signup", "/")).toBe("/signup");
  });
});
