import { fileURLToPath } from "node:url";

// Resolved from this module, which sits one level below backend/ both as source (src/) and bundled (dist/).
export const backendDir = fileURLToPath(new URL("..", import.meta.url));
export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));
export const webappDist = fileURLToPath(new URL("../../frontend/webapp/dist", import.meta.url));
