// Counts and dates in the user's language (Intl), for the properties dialog and summaries (sizes: humanSize of the browser).

/** Exact byte count with grouping: "1,234,567". */
export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Date and time of an ISO string in the user's time zone; null when there is none. */
export function formatDateTime(iso: string | null, locale: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }).format(date);
}
