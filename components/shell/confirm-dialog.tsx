"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from "@/components/ui/alert-dialog";
import { cn } from "@/lib/utils";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  body: ReactNode;
  onConfirm: () => void;
  /** Defaults to 「确定」. */
  confirmLabel?: ReactNode;
  /** The action is running: both buttons are disabled and the dialog stays open until the caller closes it. */
  busy?: boolean;
  /** Keep the dialog open on confirm (the caller closes it when the action succeeds). */
  keepOpen?: boolean;
  destructive?: boolean;
  confirmTestId?: string;
  /** Shown between the question and the buttons. */
  children?: ReactNode;
}

/** The one yes/no question before an action that stops, deletes, starts or throws work away. */
export function ConfirmDialog({ open, onOpenChange, title, body, onConfirm, confirmLabel, busy = false, keepOpen = false, destructive = false, confirmTestId, children }: ConfirmDialogProps) {
  const tc = useTranslations("common");
  return (
    <AlertDialog open={open} onOpenChange={(o) => !busy && onOpenChange(o)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{body}</AlertDialogDescription>
        </AlertDialogHeader>
        {children}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>{tc("cancel")}</AlertDialogCancel>
          <AlertDialogAction
            disabled={busy}
            className={cn(destructive && "bg-destructive text-white hover:bg-destructive/90")}
            data-testid={confirmTestId}
            onClick={(e) => {
              if (keepOpen) e.preventDefault();
              onConfirm();
            }}
          >
            {busy ? tc("loading") : (confirmLabel ?? tc("confirm"))}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
