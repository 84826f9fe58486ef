// npm run db:migrate – apply pending migrations to DATABASE_URL (or the embedded database).
import { withDatabase } from "../server/database-url";
import { migrate } from "../server/migrate";
import { logger } from "../lib/logger";

await withDatabase(async (url) => {
  const { applied, alreadyApplied } = await migrate(url, { log: (line) => logger.info(line) });
  logger.info({ applied: applied.length, alreadyApplied: alreadyApplied.length }, "database is up to date");
});
