import { describe, expect, it } from "vitest";
import { en } from "../../../i18n/en";
import { AUDIT_ACTIONS, auditActionKey, changedFields, compactJson } from "./audit-words";

describe("the audit log's words", () => {
  it("has words in English for every action it names", () => {
    for (const action of AUDIT_ACTIONS) {
      const key = auditActionKey(action).replace("admin.audit.", "") as keyof typeof en.admin.audit;
      expect(en.admin.audit[key], action).toEqual(expect.any(String));
    }
  });

  it("shows values as one line of JSON, nothing for none", () => {
    expect(compactJson({ status: "banned", role: "customer" })).toBe('{"status":"banned","role":"customer"}');
    expect(compactJson(null)).toBeUndefined();
  });

  it("keeps only the fields an update changed", () => {
    expect(
      changedFields(
        { name: "Jazz", venue: "Cairo Opera", status: "draft" },
        { name: "Jazz", venue: "Cairo Opera", status: "published" },
      ),
    ).toEqual({ before: { status: "draft" }, after: { status: "published" } });
    expect(changedFields(null, { name: "Jazz" })).toEqual({ before: null, after: { name: "Jazz" } });
  });
});
