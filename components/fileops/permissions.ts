// Unix permission bits as the chmod dialog shows them: an octal field and nine rwx checkboxes kept in sync.

export const permissionClasses = ["owner", "group", "other"] as const;
export const permissionBits = ["read", "write", "execute"] as const;
export type PermissionClass = (typeof permissionClasses)[number];
export type PermissionBit = (typeof permissionBits)[number];

const bitValue: Record<PermissionBit, number> = { read: 4, write: 2, execute: 1 };
const classShift: Record<PermissionClass, number> = { owner: 6, group: 3, other: 0 };

/**
 * The mode (0..0o777) of an octal text such as "755" or "0755"; null for anything
 * else (the API accepts exactly three octal digits, with an optional leading 0).
 */
export function parseOctal(text: string): number | null {
  const trimmed = text.trim();
  if (!/^0?[0-7]{3}$/.test(trimmed)) return null;
  return Number.parseInt(trimmed, 8);
}

/** Three octal digits ("644") of a mode; bits above 0o777 (setuid, sticky) are dropped. */
export function formatOctal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, "0");
}

/** Whether one checkbox (e.g. group + write) is set in `mode`. */
export function hasBit(mode: number, who: PermissionClass, bit: PermissionBit): boolean {
  return (mode & (bitValue[bit] << classShift[who])) !== 0;
}

/** `mode` with one checkbox set or cleared. */
export function withBit(mode: number, who: PermissionClass, bit: PermissionBit, on: boolean): number {
  const mask = bitValue[bit] << classShift[who];
  return on ? mode | mask : mode & ~mask & 0o777;
}

/** "rwxr-xr-x" for 0o755, as `ls -l` prints it. */
export function toRwx(mode: number): string {
  return permissionClasses
    .map((who) => permissionBits.map((bit, i) => (hasBit(mode, who, bit) ? "rwx"[i] : "-")).join(""))
    .join("");
}

/**
 * The mode of a listing's `permissions` field ("0755", "755"), or null when the
 * server gave none or something else.
 */
export function modeOfEntry(permissions: string | null | undefined): number | null {
  if (!permissions) return null;
  const match = /^0*([0-7]{1,4})$/.exec(permissions.trim());
  return match ? Number.parseInt(match[1]!, 8) & 0o777 : null;
}
