"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog on the native <dialog> element: focus moves in and is trapped, Escape closes
 * (calls `onClose`), the page behind is inert. Render it only while open, or pass `open`.
 */
export function Dialog({
  open = true,
  title,
  onClose,
  children,
  footer,
  className = "",
}: {
  open?: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Buttons row. */
  footer?: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto w-[min(32rem,calc(100vw-1rem))] rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ${className}`}
    >
      <div className="flex flex-col gap-3 p-4">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="text-sm">{children}</div>
        {footer ? <div className="flex flex-wrap justify-end gap-2 pt-1">{footer}</div> : null}
      </div>
    </dialog>
  );
}
