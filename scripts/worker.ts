// npm run worker – one delivery worker. Uses DATABASE_URL, or attaches to (or starts) the
// embedded PostgreSQL of the data directory, then runs worker/main.ts in this process.
import { reloadEnv } from "../lib/env";
import { acquireDatabase } from "../server/database-url";

process.env.HOOKLINE_PROCESS ??= "worker";
const database = await acquireDatabase();
process.env.DATABASE_URL = database.url;
reloadEnv(); // acquiring read the settings before DATABASE_URL was known
// If this process started the embedded server, the supervisor stops it when we exit.
await import("../worker/main");
