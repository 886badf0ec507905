import { Agent, request as httpRequest } from "node:http";

export interface HttpResult {
  /** 0 when no HTTP answer came back (connection refused or reset, timeout). */
  status: number;
  body: string;
  /** The transport error when status is 0. */
  error?: string;
  ms: number;
}

export interface HttpOptions {
  method?: string;
  body?: string | object;
  headers?: Record<string, string>;
  token?: string;
  agent?: Agent;
  timeoutMs?: number;
}

/** A keep-alive agent with no socket cap: every request in flight gets its own connection. */
export const unboundedAgent = () => new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** One HTTP request to 127.0.0.1; never throws — a failed exchange is status 0 with the error. */
export function send(url: string, options: HttpOptions = {}): Promise<HttpResult> {
  const started = performance.now();
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === "string"
        ? options.body
        : JSON.stringify(options.body);
  return new Promise<HttpResult>((resolve) => {
    const req = httpRequest(
      url,
      {
        method: options.method ?? (payload === undefined ? "GET" : "POST"),
        agent: options.agent,
        headers: {
          ...(payload === undefined
            ? {}
            : { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 120_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            ms: performance.now() - started,
          }),
        );
        res.on("error", (err) => resolve({ status: 0, body: "", error: err.message, ms: performance.now() - started }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", (err) =>
      resolve({
        status: 0,
        body: "",
        error: (err as NodeJS.ErrnoException).code ?? err.message,
        ms: performance.now() - started,
      }),
    );
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** The JSON body, or undefined when it is not JSON. */
export function json<T = Record<string, unknown>>(result: HttpResult): T | undefined {
  try {
    return JSON.parse(result.body) as T;
  } catch {
    return undefined;
  }
}

/** `error.code` of an API error body. */
export const errorCode = (result: HttpResult) => json<{ error?: { code?: string } }>(result)?.error?.code;

/** Counts of "status code" (and error code for 4xx/5xx), e.g. { "201": 100, "409 SOLD_OUT": 900 }. */
export function tally(results: HttpResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const key =
      r.status === 0
        ? `no answer (${r.error})`
        : r.status >= 400
          ? `${r.status} ${errorCode(r) ?? "?"}`
          : String(r.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Runs the tasks with at most `limit` in flight; results keep the tasks' order. */
export async function inWaves<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
