import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { authenticateAccessToken } from "./sessions";

export type Customer = Awaited<ReturnType<typeof authenticateAccessToken>>;

declare module "fastify" {
  interface FastifyRequest {
    /**
     * The customer the route's `app.authenticate` (or `app.requireAdmin`) preHandler signed in. Reading it
     * on a route without one answers 401, as a forgotten preHandler should: never somebody's data.
     */
    readonly customer: Customer;
  }
  interface FastifyInstance {
    /** preHandler: a signed-in customer (`Authorization: Bearer <access>`), else 401 UNAUTHORIZED. */
    authenticate: (request: FastifyRequest) => Promise<void>;
    /** preHandler: a signed-in operator (customers.role = 'admin'), else 401, or 403 FORBIDDEN. */
    requireAdmin: (request: FastifyRequest) => Promise<void>;
    /** preHandler: door staff or an operator (role 'staff' or 'admin'), else 401, or 403 FORBIDDEN. */
    requireStaff: (request: FastifyRequest) => Promise<void>;
  }
}

const signedIn = new WeakMap<FastifyRequest, Customer>();
const pleaseLogIn = () => new AppError("UNAUTHORIZED", 401, "Please log in.");

/**
 * Who is calling: decorates every request with `customer` and the instance with the preHandlers routes
 * ask for, so no feature imports another feature's routes to authenticate. fastify-plugin lifts the
 * decorators out of this plugin's scope, onto the app every route module is registered in.
 */
export const authentication = fp<{ deps: Deps }>(
  async (app, { deps }) => {
    app.decorateRequest("customer", {
      getter(this: FastifyRequest) {
        const customer = signedIn.get(this);
        if (!customer) throw pleaseLogIn();
        return customer;
      },
    });

    const authenticate = async (request: FastifyRequest) => {
      const header = request.headers.authorization;
      const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
      if (!token) throw pleaseLogIn();
      signedIn.set(request, await authenticateAccessToken(deps, token));
    };
    app.decorate("authenticate", authenticate);
    app.decorate("requireAdmin", async (request: FastifyRequest) => {
      await authenticate(request);
      if (request.customer.role !== "admin") throw new AppError("FORBIDDEN", 403, "Operators only.");
    });
    app.decorate("requireStaff", async (request: FastifyRequest) => {
      await authenticate(request);
      if (request.customer.role === "customer") throw new AppError("FORBIDDEN", 403, "Door staff only.");
    });
  },
  { name: "authentication", fastify: "5.x" },
);
