import { z } from "zod";
import { isValidSecret } from "@/lib/signing/generate-secret";

export const ZSetOperationsEndpoint = z.strictObject({
  url: z.string().trim().min(1).max(2_048),
  description: z.string().max(1_000).optional(),
  /** A `whsec_…` secret to use; generated when the endpoint is first created without one. */
  secret: z.string().refine(isValidSecret, "must be whsec_ followed by 24 to 64 bytes in base64").optional(),
});
export type TSetOperationsEndpoint = z.input<typeof ZSetOperationsEndpoint>;
