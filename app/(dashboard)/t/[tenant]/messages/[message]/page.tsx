import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MessageDetail } from "@/components/messages/message-detail";
import { ResendButton } from "@/components/messages/resend-button";
import { PageHeader, tenantCrumbs } from "@/components/ui/page-header";
import { readForPage } from "@/lib/api/read-your-writes";
import { requireTenant } from "@/lib/auth/page-access";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { getMessage, listAttempts } from "@/lib/messages";
import { ZListAttemptsQuery } from "@/lib/schemas/messages";

export const metadata: Metadata = { title: "Message" };

/** A message of another tenant (or none) is a 404 page, like the API's answer. */
function orNotFound(error: unknown): never {
  if (error instanceof AppError && error.code === "not_found") notFound();
  throw error;
}

export default async function MessagePage({ params }: { params: Promise<{ tenant: string; message: string }> }) {
  const { tenant: tenantId, message: messageId } = await params;
  const { canWrite } = await requireTenant(tenantId);
  if (!isId("message", messageId)) notFound();
  const [message, attempts] = await readForPage(() =>
    Promise.all([
      getMessage(tenantId, messageId),
      listAttempts(tenantId, messageId, ZListAttemptsQuery.parse({ limit: 250 })),
    ]),
  ).catch(orNotFound);
  return (
    <>
      <PageHeader
        title={message.eventType}
        description={<span className="break-all font-mono text-xs">{message.id}</span>}
        crumbs={tenantCrumbs(
          tenantId,
          { label: "Messages", href: `/t/${tenantId}/messages` },
          { label: `${message.id.slice(0, 12)}…` },
        )}
        actions={
          canWrite && message.deliveries.length > 0 ? (
            <ResendButton tenantId={tenantId} messageId={message.id} endpointCount={message.deliveries.length} />
          ) : undefined
        }
      />
      <MessageDetail tenantId={tenantId} canWrite={canWrite} initialMessage={message} initialAttempts={attempts} />
    </>
  );
}
