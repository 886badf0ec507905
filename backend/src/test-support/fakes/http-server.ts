import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as received, decoded as UTF-8. */
  body: string;
  /** The body parsed as application/x-www-form-urlencoded. */
  form: Record<string, string>;
}

export interface FakeReply {
  status: number;
  json?: unknown;
}

export type Responder = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

export interface FakeHttpServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Changes how the server answers from now on. */
  respond(responder: Responder): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 that records what it is sent and answers as told. */
export async function startFakeHttpServer(responder: Responder): Promise<FakeHttpServer> {
  let current = responder;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
        form: Object.fromEntries(new URLSearchParams(body)),
      };
      requests.push(recorded);
      try {
        const reply = await current(recorded);
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(JSON.stringify(reply.json ?? {}));
      } catch {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    respond(next) {
      current = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The original platform's SMS gateway: accepts the form and answers with a message id. */
export function startSmsGateway(): Promise<FakeHttpServer> {
  let n = 0;
  return startFakeHttpServer(() => ({ status: 200, json: { status: "queued", message_id: `gw-${++n}` } }));
}

/** Twilio's Messages API as far as we use it: 201 with the new message's sid. */
export function startTwilioApi(): Promise<FakeHttpServer> {
  return startFakeHttpServer((request) => ({
    status: 201,
    json: {
      sid: `SM${randomBytes(16).toString("hex")}`,
      status: "queued",
      to: request.form.To,
      from: request.form.From,
    },
  }));
}

/** A port on 127.0.0.1 that nothing listens on (it was open a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
