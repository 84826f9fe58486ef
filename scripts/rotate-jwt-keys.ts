// npm run keys:rotate-jwt – new signing keys for receiver JWTs (EdDSA, ES256, RS256). They sign
// from now on (running workers pick them up within a minute); the old keys stop signing but stay
// published at /.well-known/jwks.json for HOOKLINE_JWT_KEY_GRACE_MS (default 24 h), so receivers
// keep verifying tokens minted just before. Keys whose grace ended earlier are deleted.
import { closeDb } from "../lib/db";
import { env, reloadEnv } from "../lib/env";
import { rotateJwtKeys } from "../lib/signing/jwt-keys";
import { withDatabase } from "../server/database-url";

await withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  reloadEnv();
  const { created, retired, retiresAt } = await rotateJwtKeys(env().HOOKLINE_JWT_KEY_GRACE_MS);
  process.stdout.write(`new receiver-JWT keys: ${created.join(", ")}\n`);
  if (retired.length)
    process.stdout.write(`retired (published until ${retiresAt.toISOString()}): ${retired.join(", ")}\n`);
  await closeDb();
});
