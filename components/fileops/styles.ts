// Tailwind classes shared by the fileops dialogs (buttons come from components/ui/button).
export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500 aria-invalid:border-red-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";

/** The chmod dialog's short octal field (three digits). */
export const octalInputClass =
  "w-16 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-500 aria-invalid:border-red-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100";

export const errorTextClass = "text-sm text-red-700 dark:text-red-300";

export const mutedTextClass = "text-sm text-slate-600 dark:text-slate-400";

/** A scrolling list inside a dialog (names to delete, failures, search hits). */
export const listBoxClass = "max-h-60 overflow-y-auto rounded-md border border-slate-200 dark:border-slate-700";
