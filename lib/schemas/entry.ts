/** One row of a remote listing, as `GET /api/fs/list` returns it. */
export interface RemoteEntry {
  name: string;
  type: "file" | "dir" | "link" | "unknown";
  /** Bytes; null when the server did not say. */
  size: number | null;
  /** ISO 8601 in UTC, or null when the server's date could not be parsed. */
  modifiedAt: string | null;
  /** The server's own date text (LIST), or the MLSD `modify` fact. */
  rawModifiedAt: string | null;
  /** Octal mode such as "0755", or null. */
  permissions: string | null;
  owner: string | null;
  group: string | null;
  /** Symlink target, when the server lists one. */
  target: string | null;
}

export interface Listing {
  path: string;
  entries: RemoteEntry[];
  /**
   * Set when some names did not decode in the session's filename encoding (they show
   * U+FFFD and cannot be opened): a sentence telling the user to pick another encoding.
   */
  encodingHint: string | null;
}
