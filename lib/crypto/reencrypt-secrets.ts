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

export async function reencryptSecrets(batchSize = 500): Promise<ReencryptResult> {
  const keys = await encryptionKeys();
  const currentPrefix = `v1.${keyIdOf(keys.current)}.`;
  const result: ReencryptResult = { rows: 0, values: 0 };
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
