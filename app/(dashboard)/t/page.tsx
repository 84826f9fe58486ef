import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreateTenantForm } from "@/components/tenants/create-tenant-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/page-access";
import { listTenantNames } from "@/lib/tenants";

export const metadata: Metadata = { title: "Tenants" };

/** After sign-in: straight to the user's first tenant, or help to create one. */
export default async function ChooseTenantPage() {
  const user = await requireUser();
  const [first] = await listTenantNames(user, 1);
  if (first) redirect(`/t/${first.id}`);
  return (
    <>
      <PageHeader title="Welcome to Hookline" />
      {user.isOperator ? (
        <EmptyState title="Create your first tenant" action={<CreateTenantForm />}>
          A tenant is one of your customers: it owns endpoints, receives messages and has its own members and API keys.
          Create one to start, or publish through the API with an operator key.
        </EmptyState>
      ) : (
        <EmptyState title="You are not a member of any tenant yet">
          Ask an owner of your organization for an invite link, or sign up again with an organization name.
        </EmptyState>
      )}
    </>
  );
}
