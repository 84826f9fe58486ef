// `npm start` builds the Next.js app when there is no production build, or when the sources
// changed since the last one (a `git pull` must not leave a stale build running). The build is
// fingerprinted by a hash of every source file that goes into it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const SKIP = new Set(["node_modules", ".next", ".next-e2e", "generated"]);

function collect(root: string, entry: string, out: string[]): void {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    out.push(entry);
    return;
  }
  for (const child of readdirSync(full)) if (!SKIP.has(child)) collect(root, path.join(entry, child), out);
}

export function sourceFingerprint(root: string): string {
  const files: string[] = [];
  for (const input of INPUTS) collect(root, input, files);
  const hash = createHash("sha256");
  for (const file of files.sort())
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(root, file)))
      .update("\0");
  return hash.digest("hex");
}

/** The build directory: `.next`, or HOOKLINE_DIST_DIR (next.config.ts reads the same variable). */
const distDir = (root: string) => path.resolve(root, process.env.HOOKLINE_DIST_DIR || ".next");
const stampFile = (root: string) => path.join(distDir(root), "hookline-source-hash");

export function buildIsCurrent(root: string): boolean {
  if (!existsSync(path.join(distDir(root), "BUILD_ID")) || !existsSync(stampFile(root))) return false;
  return readFileSync(stampFile(root), "utf8") === sourceFingerprint(root);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Holds a lock (a directory: mkdir is atomic) around `work`, so two processes starting at once
 * (two test files, `npm start` beside `npm run start:web`) never build into one directory together.
 * A lock left by a killed builder is taken over after `staleMs`.
 */
export function withBuildLock<T>(root: string, work: () => T, staleMs = 15 * 60_000): T {
  const lock = `${distDir(root)}.build-lock`;
  // A build directory inside a folder that does not exist yet (.next-e2e/<run> on a fresh clone).
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - statSync(lock).mtimeMs > staleMs) rmSync(lock, { recursive: true, force: true });
      else sleep(500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs `next build` unless the existing build matches the sources. Returns whether it built. */
export function ensureBuild(root: string, log: (line: string) => void): boolean {
  if (buildIsCurrent(root)) return false;
  return withBuildLock(root, () => build(root, log));
}

function build(root: string, log: (line: string) => void): boolean {
  if (buildIsCurrent(root)) return false; // someone else built it while we waited
  log("building the web app (first start, or the sources changed)…");
  const fingerprint = sourceFingerprint(root);
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  writeFileSync(stampFile(root), fingerprint);
  return true;
}
