import { describe, expect, it } from "vitest";
import { createTransferCodeMemory } from "./transfer-code-memory";

const T0 = Date.parse("2027-02-14T18:00:00Z");
const minutes = (n: number) => n * 60_000;

function memoryAt(start = T0) {
  let now = start;
  const memory = createTransferCodeMemory(() => now);
  return { memory, advance: (ms: number) => (now += ms) };
}

const expiresIn = (ms: number) => new Date(T0 + ms).toISOString();

describe("transfer code memory", () => {
  it("offers an accepted code again to the same customer until shortly before it expires", () => {
    const { memory, advance } = memoryAt();
    memory.texted("mona", expiresIn(minutes(10)));
    expect(memory.recall("mona")).toBeUndefined();
    memory.accepted("mona", "123456");
    expect(memory.recall("mona")).toEqual({ code: "123456", expiresAt: new Date(T0 + minutes(10)) });
    advance(minutes(9));
    expect(memory.recall("mona")?.code).toBe("123456");
    advance(40_000);
    expect(memory.recall("mona")).toBeUndefined();
  });

  it("never offers one customer's code to another", () => {
    const { memory } = memoryAt();
    memory.texted("mona", expiresIn(minutes(10)));
    memory.accepted("mona", "123456");
    expect(memory.recall("karim")).toBeUndefined();
    memory.accepted("karim", "654321");
    expect(memory.recall("karim")).toBeUndefined();
  });

  it("forgets the code once a new one is texted, or when told", () => {
    const { memory } = memoryAt();
    memory.texted("mona", expiresIn(minutes(10)));
    memory.accepted("mona", "123456");
    memory.texted("mona", expiresIn(minutes(11)));
    expect(memory.recall("mona")).toBeUndefined();
    memory.accepted("mona", "222222");
    memory.forget();
    expect(memory.recall("mona")).toBeUndefined();
  });

  it("stops offering a code the server refused, and remembers the right one typed after it", () => {
    const { memory } = memoryAt();
    memory.texted("mona", expiresIn(minutes(10)));
    memory.accepted("mona", "123456");
    memory.refused("mona");
    expect(memory.recall("mona")).toBeUndefined();
    memory.accepted("mona", "654321");
    expect(memory.recall("mona")?.code).toBe("654321");
    memory.refused("karim");
    expect(memory.recall("mona")?.code).toBe("654321");
  });

  it("does not remember a code whose expiry it never learnt", () => {
    const { memory } = memoryAt();
    memory.accepted("mona", "123456");
    expect(memory.recall("mona")).toBeUndefined();
    memory.texted("mona", "not a time");
    memory.accepted("mona", "123456");
    expect(memory.recall("mona")).toBeUndefined();
  });
});
