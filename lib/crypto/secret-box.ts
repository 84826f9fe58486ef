// The process's encryption keys (from settings, or the key file in the data directory) and the
// two operations the domain needs: seal a secret for storage, open it again.
import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { processState } from "@/lib/process-state";
import { decryptJson, decryptSecret, encryptJson, encryptSecret } from "./encrypt-secret";
import { loadEncryptionKeys, type EncryptionKeys } from "./load-encryption-keys";

export function encryptionKeys(): Promise<EncryptionKeys> {
  return processState("crypto.encryptionKeys", async () => {
    const settings = env();
    const keys = await loadEncryptionKeys({
      key: settings.HOOKLINE_ENCRYPTION_KEY,
      previousKeys: settings.HOOKLINE_ENCRYPTION_PREVIOUS_KEYS?.split(",")
        .map((key) => key.trim())
        .filter(Boolean),
      dataDir: settings.HOOKLINE_DATA_DIR,
    });
    if (keys.createdKeyFile) {
      logger.warn(
        { file: keys.createdKeyFile },
        "generated an encryption key for secrets at rest; every web and worker process must use the same key (copy it or set HOOKLINE_ENCRYPTION_KEY)",
      );
    }
    return keys;
  });
}

export async function sealSecret(plaintext: string): Promise<string> {
  return encryptSecret(plaintext, (await encryptionKeys()).current);
}

export async function openSecret(sealed: string): Promise<string> {
  return decryptSecret(sealed, (await encryptionKeys()).all);
}

export async function sealJson(value: unknown): Promise<string> {
  return encryptJson(value, (await encryptionKeys()).current);
}

export async function openJson<T>(sealed: string, parse: (value: unknown) => T): Promise<T> {
  return decryptJson(sealed, (await encryptionKeys()).all, parse);
}
