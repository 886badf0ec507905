import { z } from "zod";

// The server's Content-Security-Policy allows no eval: zod's compiled fast path would be refused anyway,
// and merely probing for it (`new Function`) is reported as a CSP violation. zod probes when an object
// schema is built, and the shared package builds its schemas as it loads, so this must run before any
// of them: main.tsx imports it first, and the build puts it in the zod chunk (vite.config.ts), so zod is
// configured as soon as it loads. Modules that build schemas import it too, for tests and for clarity.
z.config({ jitless: true });
