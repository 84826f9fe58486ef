// npm run keys:rotate – re-encrypt every stored secret with the current key.
//   1. generate a key: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"
//   2. set HOOKLINE_ENCRYPTION_KEY=<new> and HOOKLINE_ENCRYPTION_PREVIOUS_KEYS=<old>, restart
//   3. npm run keys:rotate
//   4. remove HOOKLINE_ENCRYPTION_PREVIOUS_KEYS (and the old key file, if one was used), restart
import { reencryptSecrets } from "../lib/crypto/reencrypt-secrets";
import { closeDb } from "../lib/db";
import { reloadEnv } from "../lib/env";
import { withDatabase } from "../server/database-url";

await withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  reloadEnv();
  const { rows, values } = await reencryptSecrets();
  process.stdout.write(
    `re-encrypted ${values} value(s) in ${rows} row(s) with the current key (endpoints and receiver-JWT keys)\n`,
  );
  await closeDb();
});
