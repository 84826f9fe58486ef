// GET /api/v1/system – queue depth, oldest due delivery, attempts per minute, workers (operators)
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { route } from "@/lib/api/route";
import * as catalog from "@/lib/openapi/system";
import { getSystemStatus } from "@/lib/system";

export const dynamic = "force-dynamic";

export const GET = route(catalog.getSystemStatus, async () => getSystemStatus());

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed("GET");
