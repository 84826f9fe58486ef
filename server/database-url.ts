// Which database a command-line script talks to: DATABASE_URL when set, otherwise the embedded
// PostgreSQL in the data directory (attached to when already running, started otherwise).
import { env } from "../lib/env";
import { acquireEmbeddedDatabase, type AcquiredDatabase, type AcquireOptions } from "./embedded-database";

export async function acquireDatabase(options: AcquireOptions & { port?: number } = {}): Promise<AcquiredDatabase> {
  const settings = env();
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL, owner: false, release: async () => undefined };
  return acquireEmbeddedDatabase(
    settings.HOOKLINE_DATA_DIR,
    options.port ?? settings.HOOKLINE_EMBEDDED_PG_PORT,
    options,
  );
}

/** Runs `task` with a database URL, releasing an embedded server this call started. */
export async function withDatabase<T>(task: (url: string) => Promise<T>): Promise<T> {
  const database = await acquireDatabase();
  try {
    return await task(database.url);
  } finally {
    await database.release();
  }
}
