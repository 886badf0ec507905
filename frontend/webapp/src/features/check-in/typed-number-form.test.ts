import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { type TypedNumberValues, typedNumberResolver } from "./typed-number-form";

const check = (code: string) =>
  typedNumberResolver({ code }, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  } as ResolverOptions<TypedNumberValues>);

describe("typedNumberResolver", () => {
  it("sends a typed number trimmed, with Arabic-Indic digits made Western", async () => {
    expect((await check("  TR-7K3M-9QXD ")).values).toEqual({ code: "TR-7K3M-9QXD" });
    expect((await check("TR-٧K٣M-٩QXD")).values).toEqual({ code: "TR-7K3M-9QXD" });
  });

  it("refuses a blank or overlong number with the shared schema's key", async () => {
    expect((await check("   ")).errors.code?.message).toBe("code_invalid");
    expect((await check("x".repeat(201))).errors.code?.message).toBe("code_invalid");
  });
});
