// Sizes, speeds and times left as people read them, in the UI's language.

const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** "12.3 MB" (decimal units, matching their names); whole bytes below 1 kB. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return new Intl.NumberFormat(locale, { style: "unit", unit: units[unit], unitDisplay: "short", maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

export interface TimeLeft {
  key: "transfers.left.seconds" | "transfers.left.minutes" | "transfers.left.hours";
  vars: { h: number; m: number; s: number };
}

/** Seconds left as a message key and its parts: under a minute in seconds, under an hour in min+s, else h+min. */
export function timeLeft(seconds: number): TimeLeft {
  const total = Math.max(1, Math.ceil(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return { key: "transfers.left.hours", vars: { h, m, s } };
  if (m > 0) return { key: "transfers.left.minutes", vars: { h, m, s } };
  return { key: "transfers.left.seconds", vars: { h, m, s } };
}
