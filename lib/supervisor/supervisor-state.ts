// What `npm start`'s supervisor tells the rest of the installation: one JSON file in the data
// directory, rewritten (atomically: write, then rename) whenever a supervised process starts,
// exits or is scheduled to restart. A file rather than a table, so that it is written while the
// database is the process that is down, and read by a web process that was itself restarted.
// The System page reads it (lib/system); a file whose supervisor is no longer alive is shown as
// stopped. Only `npm start` writes it: with web and workers run separately, there is none.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { z } from "zod";
import { ZSupervisorView, type TSupervisedProcessView } from "../schemas/system";

/** The file holds the API's view minus `running`, which the reader works out (lib/system). */
export const ZSupervisorState = ZSupervisorView.omit({ running: true });

export type TSupervisedProcess = TSupervisedProcessView;
export type TSupervisorState = z.infer<typeof ZSupervisorState>;

export const supervisorStateFile = (dataDir: string) => path.join(dataDir, "supervisor.json");

export function writeSupervisorState(dataDir: string, state: Omit<TSupervisorState, "hostname">): void {
  const file = supervisorStateFile(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ ...state, hostname: os.hostname() }, null, 2), { mode: 0o644 });
  renameSync(temporary, file);
}

/** The file's contents, or undefined when there is none (or it is not ours to read). */
export function readSupervisorState(dataDir: string): TSupervisorState | undefined {
  try {
    const parsed = ZSupervisorState.safeParse(JSON.parse(readFileSync(supervisorStateFile(dataDir), "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // no file, or one being replaced by a supervisor of another version
  }
}
