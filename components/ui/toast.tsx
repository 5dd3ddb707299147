"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useT } from "@/lib/i18n";

export type NotifyKind = "info" | "error" | "success";
export type Notify = (message: string, kind?: NotifyKind) => void;

interface Toast {
  id: number;
  message: string;
  kind: NotifyKind;
}

const ToastContext = createContext<Notify | null>(null);

/** How long a toast stays (errors stay until dismissed: people need time to read them). */
const lifetimeMs: Record<NotifyKind, number | null> = { info: 5000, success: 4000, error: null };

/** Holds the notification area; `useNotify()` below it shows a message. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const notify = useCallback<Notify>((message, kind = "info") => {
    const id = nextId.current++;
    // Keep the last five: a burst of errors must not cover the page.
    setToasts((list) => [...list.slice(-4), { id, message, kind }]);
  }, []);

  return (
    <ToastContext.Provider value={notify}>
      {children}
      <ToastArea toasts={toasts} onDismiss={dismiss} />
    </ToastContext.Provider>
  );
}

/** `notify(message, kind?)`: shows a toast. */
export function useNotify(): Notify {
  const notify = useContext(ToastContext);
  if (!notify) throw new Error("useNotify() needs <ToastProvider> above it.");
  return notify;
}

const kindClass: Record<NotifyKind, string> = {
  info: "border-slate-300 bg-white text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100",
  success: "border-emerald-400 bg-emerald-50 text-emerald-950 dark:border-emerald-600 dark:bg-emerald-950 dark:text-emerald-50",
  error: "border-red-400 bg-red-50 text-red-950 dark:border-red-600 dark:bg-red-950 dark:text-red-50",
};

function ToastArea({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  const t = useT();
  return (
    <section
      aria-label={t("common.notifications")}
      className="pointer-events-none fixed inset-x-2 bottom-2 z-50 flex flex-col items-end gap-2 sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-96"
    >
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} onDismiss={onDismiss} />
      ))}
    </section>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const t = useT();
  useEffect(() => {
    const ms = lifetimeMs[toast.kind];
    if (ms === null) return;
    const timer = setTimeout(() => onDismiss(toast.id), ms);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);
  return (
    <div
      role={toast.kind === "error" ? "alert" : "status"}
      data-kind={toast.kind}
      className={`pointer-events-auto flex w-full items-start gap-3 rounded-md border px-3 py-2 text-sm shadow-md ${kindClass[toast.kind]}`}
    >
      <p className="flex-1 break-words">{toast.message}</p>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        aria-label={t("common.dismiss")}
        className="rounded px-1 text-base leading-none opacity-70 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-blue-500"
      >
        ×
      </button>
    </div>
  );
}
