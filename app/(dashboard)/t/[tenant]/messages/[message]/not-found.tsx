import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function MessageNotFound() {
  return (
    <EmptyState
      title="Message not found"
      action={
        <Link href="/t" className="text-sm font-medium text-brand-700 hover:underline">
          Back to the dashboard
        </Link>
      }
    >
      This message could not be found: it does not exist, it was removed by the retention policy, or it belongs to a
      tenant you are not a member of.
    </EmptyState>
  );
}
