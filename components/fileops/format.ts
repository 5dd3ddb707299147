// Sizes and dates in the user's language (Intl), for the properties dialog and summaries.

const units = ["B", "KB", "MB", "GB", "TB", "PB"] as const;

/** "1.5 MB" style (powers of 1024, one decimal above bytes); "—" for null. */
export function formatBytes(bytes: number | null, locale: string): string {
  if (bytes === null) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}

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
