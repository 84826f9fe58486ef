// The build lock of `npm start` / the e2e set-up: a build directory whose parent folder does not
// exist yet (.next-e2e/<run> on a fresh clone) must still be lockable.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { withBuildLock } from "../../../server/build";

describe("withBuildLock", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "hookline-build-lock-"));
  const saved = process.env.HOOKLINE_DIST_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.HOOKLINE_DIST_DIR;
    else process.env.HOOKLINE_DIST_DIR = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it("should create the missing parent folder, hold the lock during the work and release it", () => {
    process.env.HOOKLINE_DIST_DIR = ".next-e2e/run-1";
    const lock = path.join(root, ".next-e2e/run-1.build-lock");
    const result = withBuildLock(root, () => {
      expect(existsSync(lock)).toBe(true);
      return 42;
    });
    expect(result).toBe(42);
    expect(existsSync(lock)).toBe(false);
  });
});
