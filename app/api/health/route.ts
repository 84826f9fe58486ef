// GET /api/health – database reachability and worker heartbeats (200 ok or degraded: no live worker; 503: database down)
import { NextResponse } from "next/server";
import { getHealth } from "@/lib/health/get-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await getHealth();
  return NextResponse.json(health, {
    status: health.status === "error" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
}
