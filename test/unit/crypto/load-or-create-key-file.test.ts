import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  generateEncryptionKey,
  KEY_FILE_NAME,
  loadEncryptionKeys,
  loadOrCreateKeyFile,
  parseEncryptionKey,
} from "@/lib/crypto";

const raw = Buffer.from(Array.from({ length: 32 }, (_, index) => index));

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "hookline-key-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("loadOrCreateKeyFile", () => {
  it("should create the directory and a 0600 key file, then reuse it", async () => {
    const dataDir = path.join(root, "nested", "data");
    const first = await loadOrCreateKeyFile(dataDir);
    expect(first.created).toBe(true);
    expect(first.path).toBe(path.join(dataDir, KEY_FILE_NAME));
    expect((await stat(first.path)).mode & 0o777).toBe(0o600);
    expect(parseEncryptionKey(await readFile(first.path, "utf8")).equals(first.key)).toBe(true);

    const second = await loadOrCreateKeyFile(dataDir);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
  });

  it("should give racing processes one and the same key", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(root)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    for (const result of results) expect(result.key.equals(results[0]!.key)).toBe(true);
    expect(await readdir(root)).toEqual([KEY_FILE_NAME]); // no temporary files left behind
  });

  it("should refuse a damaged key file instead of replacing it", async () => {
    await writeFile(path.join(root, KEY_FILE_NAME), "not a key");
    await expect(loadOrCreateKeyFile(root)).rejects.toThrow(
      `${path.join(root, KEY_FILE_NAME)}: The encryption key must be`,
    );
    expect(await readFile(path.join(root, KEY_FILE_NAME), "utf8")).toBe("not a key");
  });
});

describe("loadEncryptionKeys", () => {
  it("should prefer the configured key and keep previous keys for decryption", async () => {
    const previous = generateEncryptionKey();
    const keys = await loadEncryptionKeys({
      key: raw.toString("hex"),
      previousKeys: [previous.toString("base64")],
      dataDir: root,
    });
    expect(keys.source).toBe("setting");
    expect(keys.current.equals(raw)).toBe(true);
    expect(keys.all.map((key) => key.toString("hex"))).toEqual([raw.toString("hex"), previous.toString("hex")]);
    await expect(stat(path.join(root, KEY_FILE_NAME))).rejects.toThrow(/ENOENT/);
  });

  it("should fall back to the key file, and keep it readable after a key is configured", async () => {
    const generated = await loadEncryptionKeys({ dataDir: root });
    expect(generated.source).toBe("key-file");
    expect(generated.createdKeyFile).toBe(path.join(root, KEY_FILE_NAME));
    expect((await loadEncryptionKeys({ dataDir: root })).createdKeyFile).toBeUndefined();

    const configured = await loadEncryptionKeys({ key: raw.toString("base64"), dataDir: root });
    expect(configured.current.equals(raw)).toBe(true);
    expect(configured.all.map((key) => key.toString("hex"))).toEqual([
      raw.toString("hex"),
      generated.current.toString("hex"),
    ]);
  });
});
