// The routing fields of an endpoint (filter, channels, FIFO ordering) between the API and the
// endpoints table: create and update write them with routingData, the view reads them back.
import { Prisma, type Endpoint } from "@/lib/generated/prisma/client";
import type { FilterDocument } from "@/lib/routing/filter";
import type { z } from "zod";
import type { endpointRoutingView, zFifoOnFailure, zOrdering } from "@/lib/schemas/routing";

interface RoutingInput {
  filter?: FilterDocument | null;
  channels?: string[];
  ordering?: z.infer<typeof zOrdering>;
  fifoOnFailure?: z.infer<typeof zFifoOnFailure>;
}

/** The columns for what is given (a PATCH leaves the rest); `filter: null` removes the filter. */
export function routingData(input: RoutingInput) {
  return {
    ...(input.filter !== undefined
      ? { filter: input.filter === null ? Prisma.DbNull : (input.filter as Prisma.InputJsonObject) }
      : {}),
    ...(input.channels !== undefined ? { channels: [...new Set(input.channels)] } : {}),
    ...(input.ordering !== undefined ? { ordering: input.ordering } : {}),
    ...(input.fifoOnFailure !== undefined ? { fifoOnFailure: input.fifoOnFailure } : {}),
  };
}

type RoutingView = { [Key in keyof typeof endpointRoutingView]: z.infer<(typeof endpointRoutingView)[Key]> };

export function routingView(endpoint: Endpoint): RoutingView {
  return {
    filter: (endpoint.filter as FilterDocument | null) ?? null,
    channels: endpoint.channels ?? [],
    ordering: endpoint.ordering === "fifo" ? "fifo" : "none",
    fifoOnFailure: endpoint.fifoOnFailure === "pause" ? "pause" : "skip",
  };
}
