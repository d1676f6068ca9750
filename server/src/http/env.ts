// The Hono environment every route shares: who is calling (set by the auth
// middleware) and, under @hono/node-server, the Node request for the peer IP.
import type { IncomingMessage } from "node:http";
import type { Principal } from "../db/port.ts";

export type AppEnv = {
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    principal: Principal | null;
    /** Set when a token was sent but is unknown, expired or revoked. */
    badToken: boolean;
  };
};
