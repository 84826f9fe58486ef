// Without HOOKLINE_ENCRYPTION_KEY, Hookline generates its key once into the data directory, so a
// laptop install needs no setup. Web and worker processes may start at the same moment, so the
// file is created atomically: written under a temporary name, then hard-linked to its final
// name, which fails if another process got there first (we then read the winner's key). The
// final file is therefore never seen half-written, and no process overwrites another's key.
import "server-only";
import { randomUUID } from "node:crypto";
import { chmod, link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { EncryptionKeyError, generateEncryptionKey, parseEncryptionKey } from "./parse-encryption-key";

export const KEY_FILE_NAME = "encryption.key";

export interface KeyFile {
  key: Buffer;
  path: string;
  /** True when this call generated the key (worth a log line: back this file up). */
  created: boolean;
}

function isErrnoException(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** The key in `file`, or undefined when there is no such file. */
export async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (isErrnoException(error, "ENOENT")) return undefined;
    throw error;
  }
  try {
    return parseEncryptionKey(text);
  } catch (error) {
    // Never regenerate over a damaged file: every secret encrypted with it would be lost.
    const reason = error instanceof Error ? error.message : String(error);
    throw new EncryptionKeyError(`${file}: ${reason}`);
  }
}

/** Reads `<dataDir>/encryption.key`, creating the directory and a new key (mode 0600) if absent. */
export async function loadOrCreateKeyFile(dataDir: string): Promise<KeyFile> {
  const file = path.join(dataDir, KEY_FILE_NAME);
  const existing = await readKeyFile(file);
  if (existing) return { key: existing, path: file, created: false };

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const key = generateEncryptionKey();
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    // The mode given to writeFile is filtered by the umask; set it explicitly.
    await chmod(temp, 0o600);
    await link(temp, file);
    return { key, path: file, created: true };
  } catch (error) {
    if (!isErrnoException(error, "EEXIST")) throw error;
    const winner = await readKeyFile(file);
    if (!winner) throw new EncryptionKeyError(`${file} vanished while it was being created`);
    return { key: winner, path: file, created: false };
  } finally {
    await rm(temp, { force: true });
  }
}
