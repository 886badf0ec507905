import { z } from "zod";

// The server's Content-Security-Policy allows no eval: zod's compiled fast path would be refused anyway,
// and merely probing for it (`new Function`) is reported as a CSP violation. Imported by every module
// that builds a form schema, so it runs before the first parse.
z.config({ jitless: true });
