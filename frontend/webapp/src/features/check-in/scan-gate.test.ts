import { describe, expect, it } from "vitest";
import { createScanGate } from "./scan-gate";

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("createScanGate", () => {
  it("sends a code once however many frames show it, while it stays in view", () => {
    const time = clock();
    const gate = createScanGate({ pauseMs: 1000, forgetMs: 2500 }, time.now);
    expect(gate.offer("A")).toBe(true);
    expect(gate.offer("A")).toBe(false);
    gate.done();
    for (let frame = 0; frame < 100; frame++) {
      time.advance(150);
      expect(gate.offer("A")).toBe(false);
    }
  });

  it("sends nothing else while a scan is on its way, and pauses a second after its answer", () => {
    const time = clock();
    const gate = createScanGate({ pauseMs: 1000 }, time.now);
    expect(gate.offer("A")).toBe(true);
    time.advance(300);
    expect(gate.offer("B")).toBe(false);
    gate.done();
    time.advance(999);
    expect(gate.offer("B")).toBe(false);
    time.advance(1);
    expect(gate.offer("B")).toBe(true);
  });

  it("counts a code as shown again once it has been out of view", () => {
    const time = clock();
    const gate = createScanGate({ pauseMs: 1000, forgetMs: 2500 }, time.now);
    expect(gate.offer("A")).toBe(true);
    gate.done();
    time.advance(2499);
    expect(gate.offer("A")).toBe(false);
    time.advance(2500);
    expect(gate.offer("A")).toBe(true);
  });

  it("forgets the last code when reset, as when the camera is started again", () => {
    const time = clock();
    const gate = createScanGate({}, time.now);
    expect(gate.offer("A")).toBe(true);
    gate.done();
    gate.reset();
    expect(gate.offer("A")).toBe(true);
  });
});
