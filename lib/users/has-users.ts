import "server-only";
import { db } from "@/lib/db";

/** Whether anyone has registered yet (the first account becomes the platform operator). */
export async function hasUsers(): Promise<boolean> {
  return (await db().user.count()) > 0;
}
