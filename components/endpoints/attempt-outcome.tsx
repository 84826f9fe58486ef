// An attempt's outcome as a small chip: the HTTP status (green for 2xx) or the kind of error.
import { Badge } from "@/components/ui/badge";
import { attemptOutcome, isSuccessStatus } from "@/components/stats/format";

export function AttemptOutcome({ status, errorKind }: { status: number | null; errorKind: string | null }) {
  return (
    <Badge tone={isSuccessStatus(status) ? "success" : "danger"} className="font-mono tabular-nums">
      {attemptOutcome({ status, errorKind })}
    </Badge>
  );
}
