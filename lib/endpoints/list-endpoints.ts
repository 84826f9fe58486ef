import "server-only";
import type { z } from "zod";
import { keysetFilter, pageArgs, toPage, type Page } from "@/lib/api/paginate";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ZListEndpointsQuery } from "@/lib/schemas/endpoints";
import { CERTIFICATE_WARNING_DAYS } from "./announce-expiring-certificates";
import { toEndpointView, type EndpointView } from "./endpoint-view";

type Status = NonNullable<z.output<typeof ZListEndpointsQuery>["status"]>;

const STATUS_FILTER: Record<Status, () => Prisma.EndpointWhereInput> = {
  enabled: () => ({ disabledAt: null }),
  disabled: () => ({ disabledAt: { not: null } }),
  failing: () => ({ disabledAt: null, failingSince: { not: null } }),
  certificate_expiring: () => ({
    disabledAt: null,
    clientCertificateNotAfter: { lt: new Date(Date.now() + CERTIFICATE_WARNING_DAYS * 86_400_000) },
  }),
};

export async function listEndpoints(
  tenantId: string,
  query: z.output<typeof ZListEndpointsQuery>,
): Promise<Page<EndpointView>> {
  const rows = await db().endpoint.findMany({
    where: {
      tenantId,
      id: keysetFilter(query.cursor),
      ...(query.status ? STATUS_FILTER[query.status]() : {}),
    },
    ...pageArgs(query),
  });
  return toPage(rows, query, (row) => row.id, toEndpointView);
}
