import type { RemoteEntry } from "@/lib/schemas/entry";

const paths: Record<RemoteEntry["type"], string> = {
  dir: "M3 6.5A1.5 1.5 0 0 1 4.5 5h4.38a1.5 1.5 0 0 1 1.06.44L11.5 7h8A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z",
  file: "M6.5 3h7.09a1.5 1.5 0 0 1 1.06.44l4.41 4.41a1.5 1.5 0 0 1 .44 1.06V19.5A1.5 1.5 0 0 1 18 21H6.5A1.5 1.5 0 0 1 5 19.5v-15A1.5 1.5 0 0 1 6.5 3zM13.5 3.5V8a1 1 0 0 0 1 1h4.5",
  link: "M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1",
  unknown: "M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01",
};

const colour: Record<RemoteEntry["type"], string> = {
  dir: "fill-amber-300 stroke-amber-600 dark:fill-amber-500/70 dark:stroke-amber-300",
  file: "fill-white stroke-slate-500 dark:fill-slate-800 dark:stroke-slate-400",
  link: "fill-none stroke-sky-600 dark:stroke-sky-400",
  unknown: "fill-none stroke-slate-500 dark:stroke-slate-400",
};

/** The type icon of a row; `label` names the type for screen readers. */
export function EntryIcon({ type, label }: { type: RemoteEntry["type"]; label: string }) {
  return (
    <svg viewBox="0 0 24 24" role="img" aria-label={label} className={`size-5 shrink-0 ${colour[type]}`} strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
      <title>{label}</title>
      <path d={paths[type]} />
    </svg>
  );
}
