"use client";
// The operator's event-type catalog: search, create, edit, archive and unarchive.
import { useDeferredValue, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Markdown } from "@/components/ui/markdown";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, Td } from "@/components/ui/table";
import type { ListPage } from "@/client/hooks/use-paged-list";
import { EventTypeForm, type EventTypeInput } from "./event-type-form";
import { useCatalog, type EventType } from "./use-catalog";
import { LoadMore } from "@/components/ui/load-more";

type Editor = { mode: "closed" } | { mode: "new" } | { mode: "edit"; eventType: EventType };

export function CatalogEditor({ initialPage }: { initialPage: ListPage<EventType> }) {
  const catalog = useCatalog(initialPage);
  const [editor, setEditor] = useState<Editor>({ mode: "closed" });
  const [archiving, setArchiving] = useState<EventType | null>(null);
  const [search, setSearch] = useState("");
  const term = useDeferredValue(search.trim().toLowerCase());
  const shown = catalog.items
    .filter(
      (eventType) =>
        !term || eventType.name.toLowerCase().includes(term) || eventType.description.toLowerCase().includes(term),
    )
    .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));

  async function save(input: EventTypeInput) {
    if (editor.mode === "edit")
      await catalog.update.mutateAsync({
        name: input.name,
        description: input.description,
        schema: input.schema,
        example: input.example,
      });
    else await catalog.create.mutateAsync(input);
    setEditor({ mode: "closed" });
  }

  return (
    <div className="space-y-6">
      {editor.mode === "closed" ? (
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="w-full max-w-xs">
            <TextField
              label="Search the catalog"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder="invoice"
            />
          </div>
          <Button onClick={() => setEditor({ mode: "new" })}>New event type</Button>
        </div>
      ) : (
        <EventTypeForm
          key={editor.mode === "edit" ? editor.eventType.id : "new"}
          editing={editor.mode === "edit" ? editor.eventType : null}
          busy={catalog.create.isPending || catalog.update.isPending}
          onSubmit={save}
          onCancel={() => setEditor({ mode: "closed" })}
        />
      )}

      {catalog.items.length === 0 ? (
        <EmptyState
          title="The catalog is empty"
          action={
            editor.mode === "closed" ? (
              <Button onClick={() => setEditor({ mode: "new" })}>New event type</Button>
            ) : undefined
          }
        >
          Publishers can only send messages of a type in the catalog. Add one, like invoice.paid, with a JSON Schema
          that its payloads must match.
        </EmptyState>
      ) : shown.length === 0 ? (
        <p className="text-sm text-slate-500">No event type matches “{search}”.</p>
      ) : (
        <Table
          label="Event types"
          head={["Event type", "Schema", "Status", "Updated", { label: "Actions", hidden: true }]}
        >
          {shown.map((eventType) => (
            <tr key={eventType.id} className={eventType.archived ? "bg-slate-50" : undefined}>
              <Td wrap>
                <div className="font-mono text-sm font-medium text-slate-900">{eventType.name}</div>
                {eventType.description && (
                  <Markdown className="mt-0.5 max-w-md text-xs text-slate-500">{eventType.description}</Markdown>
                )}
              </Td>
              <Td>
                {eventType.schema ? (
                  <Badge tone="info">JSON Schema</Badge>
                ) : (
                  <span className="text-slate-400">any object</span>
                )}
              </Td>
              <Td>
                {eventType.archived ? <Badge tone="warning">archived</Badge> : <Badge tone="success">active</Badge>}
              </Td>
              <Td>
                <RelativeTime iso={eventType.updatedAt} />
              </Td>
              <Td className="text-right">
                <div className="flex justify-end gap-1">
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Edit ${eventType.name}`}
                    onClick={() => setEditor({ mode: "edit", eventType })}
                  >
                    Edit
                  </Button>
                  {eventType.archived ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Unarchive ${eventType.name}`}
                      busy={catalog.setArchived.isPending && catalog.setArchived.variables?.name === eventType.name}
                      onClick={() => catalog.setArchived.mutate({ name: eventType.name, archived: false })}
                    >
                      Unarchive
                    </Button>
                  ) : (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`Archive ${eventType.name}`}
                      onClick={() => setArchiving(eventType)}
                    >
                      Archive
                    </Button>
                  )}
                </div>
              </Td>
            </tr>
          ))}
        </Table>
      )}
      <LoadMore query={catalog} />
      {/* Mounted only while open: the dialogs' titles share one element id (components/ui/dialog.tsx). */}
      {archiving && (
        <ConfirmDialog
          open
          title={`Archive ${archiving.name ?? ""}?`}
          confirmLabel="Archive"
          danger
          busy={catalog.setArchived.isPending}
          onCancel={() => setArchiving(null)}
          onConfirm={() =>
            catalog.setArchived.mutate(
              { name: archiving.name, archived: true },
              { onSettled: () => setArchiving(null) },
            )
          }
        >
          Publishing {archiving.name} is refused from now on (422). Its messages stay readable, and you can unarchive it
          later.
        </ConfirmDialog>
      )}
    </div>
  );
}
