// The instance's keys for receiver JWTs (EdDSA, ES256, RS256). They live in PostgreSQL, the one
// store every web and worker process shares, with the private half sealed by the encryption key
// like every other secret (lib/crypto). Each algorithm's newest unretired key signs; a rotation
// retires the signing keys, which stay published at /.well-known/jwks.json until retires_at so
// that receivers still verify tokens minted just before it. The `kid` is the key's RFC 7638
// thumbprint. Generated keys are created under an advisory lock, so processes starting together
// make one key per algorithm, not one each.
import "server-only";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from "jose";
import type pg from "pg";
import { openJson, sealJson } from "@/lib/crypto";
import { pool, withTransaction } from "@/lib/db";
import { processState } from "@/lib/process-state";

export const INSTANCE_JWT_ALGORITHMS = ["EdDSA", "ES256", "RS256"] as const;
export type InstanceJwtAlgorithm = (typeof INSTANCE_JWT_ALGORITHMS)[number];

export interface JwtSigningKey {
  kid: string;
  algorithm: InstanceJwtAlgorithm;
  key: CryptoKey;
}

// A running worker picks up a rotation made by another process (npm run keys:rotate-jwt) within
// this long; a rotation in this process takes effect at once.
const RELOAD_MS = 60_000;
const LOCK = "hashtext('hookline.jwt_signing_keys')";

interface KeyState {
  loaded: Promise<Map<InstanceJwtAlgorithm, JwtSigningKey>> | null;
  loadedAt: number;
  /** Imported keys by kid: a reload does not import a key twice. */
  imported: Map<string, JwtSigningKey>;
}
const state = processState<KeyState>("signing.jwtKeys", () => ({ loaded: null, loadedAt: 0, imported: new Map() }));

async function newKeyRow(algorithm: InstanceJwtAlgorithm) {
  const { privateKey, publicKey } = await generateKeyPair(algorithm, {
    extractable: true,
    ...(algorithm === "EdDSA" ? { crv: "Ed25519" } : {}),
  });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    algorithm,
    privateJwkEnc: await sealJson(await exportJWK(privateKey)),
    publicJwk: { ...publicJwk, kid, alg: algorithm, use: "sig" },
  };
}

async function insertKeys(client: pg.PoolClient, algorithms: readonly InstanceJwtAlgorithm[]): Promise<string[]> {
  const kids: string[] = [];
  for (const algorithm of algorithms) {
    const row = await newKeyRow(algorithm);
    await client.query(
      "INSERT INTO jwt_signing_keys (kid, algorithm, private_jwk_enc, public_jwk) VALUES ($1, $2, $3, $4)",
      [row.kid, row.algorithm, row.privateJwkEnc, JSON.stringify(row.publicJwk)],
    );
    kids.push(row.kid);
  }
  return kids;
}

/** Creates a signing key for each algorithm that has none (first start). Returns the new kids. */
export async function ensureJwtKeys(): Promise<string[]> {
  const present = await pool().query<{ n: number }>(
    "SELECT count(DISTINCT algorithm)::int AS n FROM jwt_signing_keys WHERE retires_at IS NULL",
  );
  if (present.rows[0]!.n === INSTANCE_JWT_ALGORITHMS.length) return [];
  return withTransaction(async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${LOCK})`);
    const { rows } = await client.query<{ algorithm: string }>(
      "SELECT DISTINCT algorithm FROM jwt_signing_keys WHERE retires_at IS NULL",
    );
    const have = new Set(rows.map((row) => row.algorithm));
    return insertKeys(
      client,
      INSTANCE_JWT_ALGORITHMS.filter((algorithm) => !have.has(algorithm)),
    );
  });
}

export interface JwtKeyRotation {
  created: string[];
  retired: string[];
  /** Until when the retired keys stay published. */
  retiresAt: Date;
}

/**
 * New keys sign from now on; the old ones stop signing and stay published for `graceMs`. Keys
 * whose grace ended before are deleted.
 */
export async function rotateJwtKeys(graceMs: number): Promise<JwtKeyRotation> {
  const result = await withTransaction(async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(${LOCK})`);
    await client.query("DELETE FROM jwt_signing_keys WHERE retires_at <= now()");
    const { rows } = await client.query<{ kid: string; retires_at: Date }>(
      `UPDATE jwt_signing_keys SET retires_at = now() + make_interval(secs => $1 / 1000.0)
      WHERE retires_at IS NULL RETURNING kid, retires_at`,
      [graceMs],
    );
    const created = await insertKeys(client, INSTANCE_JWT_ALGORITHMS);
    return { created, retired: rows.map((row) => row.kid), retiresAt: new Date(Date.now() + graceMs) };
  });
  state.loaded = null;
  return result;
}

async function loadSigningKeys(): Promise<Map<InstanceJwtAlgorithm, JwtSigningKey>> {
  const read = () =>
    pool().query<{ kid: string; algorithm: InstanceJwtAlgorithm; private_jwk_enc: string }>(
      "SELECT kid, algorithm, private_jwk_enc FROM jwt_signing_keys WHERE retires_at IS NULL ORDER BY created_at, kid",
    );
  let { rows } = await read();
  if (new Set(rows.map((row) => row.algorithm)).size < INSTANCE_JWT_ALGORITHMS.length) {
    await ensureJwtKeys();
    ({ rows } = await read());
  }
  const keys = new Map<InstanceJwtAlgorithm, JwtSigningKey>();
  for (const row of rows) {
    let key = state.imported.get(row.kid);
    if (!key) {
      const jwk = await openJson(row.private_jwk_enc, (value) => value as JWK);
      key = { kid: row.kid, algorithm: row.algorithm, key: (await importJWK(jwk, row.algorithm)) as CryptoKey };
      state.imported.set(row.kid, key);
    }
    keys.set(row.algorithm, key); // ordered by creation: the newest wins
  }
  return keys;
}

/** The key that signs `algorithm` tokens now (read from the database at most once a minute). */
export async function currentJwtKey(algorithm: InstanceJwtAlgorithm): Promise<JwtSigningKey> {
  if (!state.loaded || Date.now() - state.loadedAt > RELOAD_MS) {
    state.loadedAt = Date.now();
    state.loaded = loadSigningKeys();
    state.loaded.catch(() => {
      state.loaded = null; // the next try asks the database again
    });
  }
  const key = (await state.loaded).get(algorithm);
  if (!key) throw new Error(`no ${algorithm} signing key`);
  return key;
}

/** The public keys receivers verify with: every key not yet past its grace, newest first. */
export async function publishedJwks(): Promise<{ keys: JWK[] }> {
  await ensureJwtKeys();
  const { rows } = await pool().query<{ public_jwk: JWK }>(
    `SELECT public_jwk FROM jwt_signing_keys WHERE retires_at IS NULL OR retires_at > now()
    ORDER BY created_at DESC, kid`,
  );
  return { keys: rows.map((row) => row.public_jwk) };
}
