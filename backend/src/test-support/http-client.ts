import type { TestApp } from "./test-app";

export interface HttpAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field in assertions
  body: any;
}

export interface HttpClient {
  baseUrl: string;
  request(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<HttpAnswer>;
  get(path: string, token?: string): Promise<HttpAnswer>;
  post(path: string, body?: unknown, token?: string): Promise<HttpAnswer>;
}

/**
 * Puts the test app on a real loopback port and talks to it with fetch, as an attacker on the network
 * would: real sockets, real headers, the client address the server really sees.
 */
export async function serveOverHttp(t: TestApp): Promise<HttpClient> {
  const baseUrl = await t.listen();
  const request: HttpClient["request"] = async (method, path, options = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, headers: response.headers, body };
  };
  return {
    baseUrl,
    request,
    get: (path, token) => request("GET", path, { token }),
    post: (path, body, token) => request("POST", path, { body, token }),
  };
}
