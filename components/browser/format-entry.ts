// Pure formatting of listing cells (sizes, permissions, dates), kept apart from React for unit tests.

const units = ["B", "KB", "MB", "GB", "TB", "PB"];

/** 1536 → "1.5 KB" (1 KB = 1024 bytes, as FTP clients show it). */
export function humanSize(bytes: number, locale = "en"): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${units[unit]}`;
}

/** "0755" → "rwxr-xr-x" (setuid/setgid/sticky shown as s/S, t/T); null for anything else than octal. */
export function symbolicMode(octal: string | null): string | null {
  if (!octal || !/^[0-7]{3,4}$/.test(octal)) return null;
  const digits = octal.padStart(4, "0");
  const special = Number(digits[0]);
  const triplets = [...digits.slice(1)].map(Number).map((d) => `${d & 4 ? "r" : "-"}${d & 2 ? "w" : "-"}${d & 1 ? "x" : "-"}`);
  const mark = (triplet: string, on: boolean, letter: string) => (on ? triplet.slice(0, 2) + (triplet[2] === "x" ? letter : letter.toUpperCase()) : triplet);
  return [mark(triplets[0]!, (special & 4) !== 0, "s"), mark(triplets[1]!, (special & 2) !== 0, "s"), mark(triplets[2]!, (special & 1) !== 0, "t")].join("");
}

/** "0755" → "755"; keeps a special-bits digit when set ("4755"). */
export function shortOctal(octal: string): string {
  return octal.length === 4 && octal.startsWith("0") ? octal.slice(1) : octal;
}

/** An ISO date in the browser's time zone, short. */
export function formatDate(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

/** "owner:group", "owner", "" when the server said nothing. */
export function ownerGroup(owner: string | null, group: string | null): string {
  if (owner && group) return `${owner}:${group}`;
  return owner ?? group ?? "";
}
