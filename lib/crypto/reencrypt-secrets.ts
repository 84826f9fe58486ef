// Key rotation: every encrypted column re-written under the current key. Run after setting the
// new HOOKLINE_ENCRYPTION_KEY with the old one in HOOKLINE_ENCRYPTION_PREVIOUS_KEYS (both
// readable meanwhile); afterwards the old key can be dropped. Batched, one short transaction
// per batch, and idempotent: values already under the current key are left alone.
import "server-only";
import { pool } from "@/lib/db";
import { decryptSecret, encryptSecret } from "./encrypt-secret";
import { keyIdOf } from "./parse-encryption-key";
import { encryptionKeys } from "./secret-box";

const COLUMNS = [
  "secret_enc",
  "previous_secret_enc",
  "headers_enc",
  "auth_enc",
  "client_certificate_enc",
  "proxy_credentials_enc",
] as const;

export interface ReencryptResult {
  rows: number;
  values: number;
}

// The receiver-JWT private keys (lib/signing/jwt-keys.ts): a handful of rows, one statement each.
async function reencryptJwtKeys(keys: Awaited<ReturnType<typeof encryptionKeys>>, currentPrefix: string) {
  const { rows } = await pool().query<{ kid: string; private_jwk_enc: string }>(
    "SELECT kid, private_jwk_enc FROM jwt_signing_keys WHERE private_jwk_enc NOT LIKE $1 || '%'",
    [currentPrefix],
  );
  for (const row of rows) {
    const value = encryptSecret(decryptSecret(row.private_jwk_enc, keys.all), keys.current);
    await pool().query("UPDATE jwt_signing_keys SET private_jwk_enc = $2 WHERE kid = $1 AND private_jwk_enc = $3", [
      row.kid,
      value,
      row.private_jwk_enc,
    ]);
  }
  return rows.length;
}

export async function reencryptSecrets(batchSize = 500): Promise<ReencryptResult> {
  const keys = await encryptionKeys();
  const currentPrefix = `v1.${keyIdOf(keys.current)}.`;
  const jwtKeys = await reencryptJwtKeys(keys, currentPrefix);
  const result: ReencryptResult = { rows: jwtKeys, values: jwtKeys };
  // Rows with any value not yet under the current key, walked by id.
  const stale = COLUMNS.map((column) => `(${column} IS NOT NULL AND ${column} NOT LIKE $1 || '%')`).join(" OR ");
  let after = "";
  for (;;) {
    const { rows } = await pool().query<Record<(typeof COLUMNS)[number], string | null> & { id: string }>(
      `SELECT id, ${COLUMNS.join(", ")} FROM endpoints WHERE id > $2 AND (${stale}) ORDER BY id LIMIT $3`,
      [currentPrefix, after, batchSize],
    );
    if (!rows.length) return result;
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      for (const row of rows) {
        const updates = COLUMNS.filter((column) => row[column] !== null && !row[column]!.startsWith(currentPrefix)).map(
          (column) => ({
            column,
            value: encryptSecret(decryptSecret(row[column]!, keys.all), keys.current),
          }),
        );
        if (!updates.length) continue;
        // Guarded by the old values: a concurrent change (a rotation of the signing secret) wins.
        const set = updates.map((update, index) => `${update.column} = $${index + 2}`).join(", ");
        const guard = updates.map((update, index) => `${update.column} = $${index + 2 + updates.length}`).join(" AND ");
        await client.query(`UPDATE endpoints SET ${set} WHERE id = $1 AND ${guard}`, [
          row.id,
          ...updates.map((update) => update.value),
          ...updates.map((update) => row[update.column]),
        ]);
        result.rows++;
        result.values += updates.length;
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    after = rows[rows.length - 1]!.id;
  }
}
