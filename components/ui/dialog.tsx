"use client";
// A modal on the native <dialog> element: focus is trapped and Escape closes it for free.
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "./button";

export function Dialog({
  open,
  onClose,
  title,
  children,
  footer,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="dialog-title"
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-surface p-0 text-slate-900 shadow-xl backdrop:bg-black/50"
    >
      <div className="px-5 pt-5">
        <h2 id="dialog-title" className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <div className="mt-3 text-sm text-slate-600">{children}</div>
      </div>
      <div className="mt-5 flex justify-end gap-2 border-t border-slate-200 bg-slate-50 px-5 py-3">{footer}</div>
    </dialog>
  );
}

/** "Are you sure?" for destructive actions. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      title={props.title}
      footer={
        <>
          <Button variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button variant={props.danger ? "danger" : "primary"} busy={props.busy} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </>
      }
    >
      {props.children}
    </Dialog>
  );
}

/**
 * Asks before a destructive change to one item of a list (revoke a key, remove a member): shown
 * while `item` is set — and only then mounted, as the dialogs' titles share one element id —
 * it runs `mutation` on the item when confirmed and closes once that has settled.
 */
export function ConfirmItemDialog<Item>({
  item,
  mutation,
  onClose,
  title,
  confirmLabel,
  children,
}: {
  item: Item | null;
  mutation: { isPending: boolean; mutate: (item: Item, options: { onSettled: () => void }) => void };
  onClose: () => void;
  title: string;
  confirmLabel: string;
  children: (item: Item) => ReactNode;
}) {
  if (item === null) return null;
  return (
    <ConfirmDialog
      open
      title={title}
      confirmLabel={confirmLabel}
      danger
      busy={mutation.isPending}
      onCancel={onClose}
      onConfirm={() => mutation.mutate(item, { onSettled: onClose })}
    >
      {children(item)}
    </ConfirmDialog>
  );
}
