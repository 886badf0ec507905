import { describe, expect } from "vitest";
import { appTest, fileResource } from "../test-support/app-test";
import { createTestApp, type TestApp } from "../test-support/test-app";

// RATE_LIMIT_SCALE 0.1 leaves login 1 request a minute per client: the second from the same client is a 429.
/** An app listening on 127.0.0.1 with TRUST_PROXY set, and its base URL. */
const behindProxies = (TRUST_PROXY: string) =>
  fileResource(
    async () => {
      const t = await createTestApp({ env: { RATE_LIMIT_SCALE: "0.1", TRUST_PROXY } });
      return { t, base: await t.listen() };
    },
    ({ t }) => t.close(),
  );
const it = appTest
  .extend("direct", { scope: "file" }, behindProxies("false"))
  .extend("oneProxy", { scope: "file" }, behindProxies("1"))
  // The test's own connections come from 127.0.0.1, the "proxy" listed here.
  .extend("listedProxies", { scope: "file" }, behindProxies("10.9.9.9,127.0.0.1"));

/** POSTs an empty login (400 when allowed, 429 when over the limit) with the given X-Forwarded-For. */
async function login(base: string, forwardedFor?: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/users/login/`, {
    method: "POST",
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  });
  await res.arrayBuffer();
  return res.status;
}

/** The client address the server logged for each request it received, oldest first. */
function loggedClients(t: TestApp): string[] {
  return t.logs
    .map((line) => JSON.parse(line) as { msg?: string; req?: { remoteAddress?: string } })
    .filter((entry) => entry.msg === "incoming request")
    .map((entry) => entry.req?.remoteAddress ?? "?");
}

describe("TRUST_PROXY=false (clients reach the server directly)", () => {
  it("ignores a forged X-Forwarded-For: every request counts against the one real address", async ({
    direct: { t, base },
  }) => {
    const forged = [undefined, "203.0.113.1", "203.0.113.2, 198.51.100.2", "::1", "unknown", "127.0.0.2"];
    const statuses: number[] = [];
    for (const header of forged) statuses.push(await login(base, header));
    expect(statuses).toEqual([400, 429, 429, 429, 429, 429]);
    expect(new Set(loggedClients(t))).toEqual(new Set(["127.0.0.1"]));
  });
});

describe("TRUST_PROXY=1 (one proxy in front, which appends the address it saw)", () => {
  it("takes the right-most entry, so a client's own left-most entries do not give it a new bucket", async ({
    oneProxy: { t, base },
  }) => {
    const proxySaw = "198.51.100.7";
    const statuses: number[] = [];
    for (const written of ["", "203.0.113.1, ", "203.0.113.2, ", "10.0.0.1, 203.0.113.3, ", "127.0.0.1, "]) {
      statuses.push(await login(base, `${written}${proxySaw}`));
    }
    expect(statuses).toEqual([400, 429, 429, 429, 429]);

    // Another client behind the same proxy has a bucket of its own.
    expect(await login(base, "198.51.100.8")).toBe(400);
    expect(await login(base, "203.0.113.1, 198.51.100.8")).toBe(429);

    const clients = loggedClients(t);
    expect(clients.slice(0, 5)).toEqual(Array(5).fill(proxySaw));
    expect(clients.slice(5)).toEqual(["198.51.100.8", "198.51.100.8"]);
  });
});

describe("TRUST_PROXY=<address list>", () => {
  it("walks back only through the listed proxies, so a forged entry before them is not the client", async ({
    listedProxies: { t, base },
  }) => {
    const client = "198.51.100.20";
    expect(await login(base, client)).toBe(400);
    expect(await login(base, `203.0.113.9, ${client}`)).toBe(429);
    // Entries naming a trusted proxy are skipped, never the address the listed proxy saw.
    expect(await login(base, `203.0.113.9, ${client}, 10.9.9.9`)).toBe(429);
    expect(loggedClients(t)).toEqual([client, client, client]);
  });
});
