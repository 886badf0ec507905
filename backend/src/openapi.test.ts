import { ERROR_CODES } from "@ticketrunners/shared";
import { describe, expect } from "vitest";
import { appTest } from "./test-support/app-test";
import type { TestApp } from "./test-support/test-app";

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
};

/** Pages and files, not JSON: the only routes the document may leave out. */
const HIDDEN = [
  /^\/api\/docs(\/|$)/, // Swagger UI and the document itself
  /^\/dev\/inbox(\.css)?$/, // the dev inbox page and its stylesheet
  /^\/payments\/sandbox\//, // the sandbox gateway's checkout page, its forms and stylesheet
  /^(?!\/api\/).*\.[a-z0-9]+$/i, // the webapp's files (index.html, assets/…); API downloads such as a CSV are listed
];

/** Every route the app serves, as [method, OpenAPI path], read from Fastify's own route tree. */
function servedRoutes(t: TestApp): [string, string][] {
  const routes: [string, string][] = [];
  const prefixes: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = line.match(/^([│ ├└─]*)── (\S+)(?: \(([A-Z, ]+)\))?$/u);
    if (!match) continue;
    const depth = ((match[1] ?? "").length + 3) / 4 - 1;
    prefixes.length = depth;
    const path = (prefixes[depth - 1] ?? "") + match[2];
    prefixes[depth] = path;
    for (const method of (match[3] ?? "").split(", ").filter(Boolean)) {
      if (method !== "HEAD") routes.push([method.toLowerCase(), path.replace(/:(\w+)/g, "{$1}")]);
    }
  }
  return routes;
}

const isHidden = (path: string) => HIDDEN.some((pattern) => pattern.test(path));

const it = appTest.extend("doc", { scope: "file" }, async ({ t }): Promise<Document> => {
  const res = await t.call("GET", "/api/docs/json");
  expect(res.statusCode).toBe(200);
  return res.json();
});

describe("the OpenAPI document at /api/docs/json", () => {
  it("lists every route the server answers, except its pages and files", ({ t, doc }) => {
    const routes = servedRoutes(t);
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter(([method, path]) => !isHidden(path) && !doc.paths[path]?.[method]);
    expect(missing).toEqual([]);
    const shownPages = Object.keys(doc.paths).filter(isHidden);
    expect(shownPages).toEqual([]);
  });

  it("declares a success answer with a schema and error answers for every operation", ({ doc }) => {
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        const responses = Object.entries(operation.responses ?? {});
        const withSchema = (status: RegExp) =>
          responses.filter(
            ([code, response]) =>
              status.test(code) && Object.values(response.content ?? {}).some((media) => media.schema !== undefined),
          );
        if (withSchema(/^2(\d\d|XX)$/).length === 0) problems.push(`${where}: no 2xx answer with a schema`);
        if (withSchema(/^4(\d\d|XX)$/).length === 0) problems.push(`${where}: no 4xx answer with a schema`);
        if (withSchema(/^5(\d\d|XX)$/).length === 0) problems.push(`${where}: no 5xx answer with a schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("answers errors in the one error shape, whose codes are ErrorCode", ({ doc }) => {
    const apiError = doc.components.schemas.ApiError;
    expect(apiError?.properties?.error).toMatchObject({
      properties: { code: { enum: [...ERROR_CODES] } },
      required: ["code", "message"],
    });
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (path === "/api/v1/users/validate-registration-token/") continue;
      for (const operation of Object.values(operations)) {
        for (const status of ["4XX", "5XX"]) {
          expect(operation.responses?.[status]?.content?.["application/json"]?.schema, `${status} ${path}`).toEqual({
            $ref: "#/components/schemas/ApiError",
          });
        }
      }
    }
  });

  it("keeps the claim link's own answers: valid:false for a bad link, the error shape when rate-limited", ({ doc }) => {
    const responses = doc.paths["/api/v1/users/validate-registration-token/"]?.get?.responses ?? {};
    const schemaOf = (status: string) => responses[status]?.content?.["application/json"]?.schema;
    expect(schemaOf("200")).toEqual({ $ref: "#/components/schemas/ClaimLink" });
    for (const status of ["400", "404", "410"]) {
      expect(schemaOf(status)).toEqual({ $ref: "#/components/schemas/TokenProblem" });
    }
    expect(schemaOf("429")).toEqual({ $ref: "#/components/schemas/ApiError" });
  });

  it("describes /metrics as Prometheus text", ({ doc }) => {
    const ok = doc.paths["/metrics"]?.get?.responses?.["200"];
    expect(Object.keys(ok?.content ?? {})).toEqual(["text/plain"]);
  });
});
