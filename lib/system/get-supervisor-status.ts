// The System page's "Processes" card: what `npm start`'s supervisor last wrote to its state file
// (lib/supervisor/supervisor-state.ts), read from this web process's data directory. The web
// process is one of the supervised ones, so the file is on this machine; whether its writer is
// still running is a question for the kernel (the pid alive, on this host).
import "server-only";
import os from "node:os";
import { env } from "@/lib/env";
import type { TSystemStatus } from "@/lib/schemas/system";
import { readSupervisorState } from "@/lib/supervisor/supervisor-state";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function getSupervisorStatus(): TSystemStatus["supervisor"] {
  const state = readSupervisorState(env().HOOKLINE_DATA_DIR);
  if (!state) return null;
  return { ...state, running: state.hostname === os.hostname() && isAlive(state.pid) };
}
