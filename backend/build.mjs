// Bundles the server and the worker into plain JavaScript so the processes start without a TypeScript
// loader. Dependencies stay in node_modules; the workspace's shared package is bundled in.
import { copyFileSync } from "node:fs";
import { basename } from "node:path";
import { build } from "esbuild";

await build({
  entryPoints: { server: "src/server.ts", worker: "src/worker.ts", "grant-admin": "src/operations/grant-admin.ts" },
  outdir: "dist",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  alias: { "@ticketrunners/shared": "../shared/src/index.ts" },
  sourcemap: true,
  logLevel: "warning",
});

// Files modules read at runtime from `new URL("./name", import.meta.url)`: in the bundle that is dist/.
for (const asset of ["src/payments/providers/sandbox-checkout.css", "src/notifications/dev-inbox.css"]) {
  copyFileSync(asset, `dist/${basename(asset)}`);
}
