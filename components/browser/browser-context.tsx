"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useNotify, type NotifyKind } from "@/components/ui/toast";
import { api, ApiError } from "@/lib/client/api";
import { filesHref, joinPath } from "@/lib/client/paths";
import type { Listing, RemoteEntry } from "@/lib/schemas/entry";
import type { SessionInfo } from "@/lib/schemas/session";

/** What every part of the file browser shares (see components/browser/README.md). */
export interface BrowserState {
  /** The folder shown: an absolute remote path, from the URL. */
  path: string;
  /** Its entries (unsorted, unfiltered: as the server listed them). Empty while loading a new folder. */
  entries: RemoteEntry[];
  /** `encodingHint` of the last listing (null when all names decoded). */
  encodingHint: string | null;
  loading: boolean;
  error: ApiError | null;
  /** Lists the folder again, keeping the current rows until the answer arrives. */
  refresh: () => Promise<void>;
  /** Goes to another folder (pushes a history entry; the URL is the remote path). */
  navigate: (path: string) => void;
  /** Names (not paths) of the selected entries of this folder; cleared when the folder changes. */
  selection: Set<string>;
  setSelection: (next: Set<string>) => void;
  /** Name of the row with the keyboard focus (cursor), or null. */
  focused: string | null;
  setFocused: (name: string | null) => void;
  /** Shows a toast. */
  notify: (message: string, kind?: NotifyKind) => void;
  /** Name of the entry being renamed inline (the shell renders <InlineRename> in its row), or null. */
  renaming: string | null;
  setRenaming: (name: string | null) => void;
  /** The connection (host, user, home…), null until loaded. */
  session: SessionInfo | null;
  /** Absolute path of an entry of this folder. */
  entryPath: (entry: RemoteEntry | string) => string;
}

const BrowserContext = createContext<BrowserState | null>(null);

/** The browser state for the folder `path`; used by the shell page and read by every area's component. */
export function useBrowser(): BrowserState {
  const value = useContext(BrowserContext);
  if (!value) throw new Error("useBrowser() needs <BrowserProvider> above it (the files page renders one).");
  return value;
}

interface ListingState {
  path: string;
  entries: RemoteEntry[];
  encodingHint: string | null;
  error: ApiError | null;
  loading: boolean;
}

function fetchListing(path: string, signal: AbortSignal): Promise<Listing> {
  return api<Listing>("GET", `/api/fs/list?path=${encodeURIComponent(path)}`, undefined, { signal });
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, "unknown", err instanceof Error ? err.message : String(err));
}

export function BrowserProvider({ path, children }: { path: string; children: ReactNode }) {
  const router = useRouter();
  const notify = useNotify();
  const [listing, setListing] = useState<ListingState>({ path, entries: [], encodingHint: null, error: null, loading: true });
  const [selection, setSelection] = useState<Set<string>>(() => new Set());
  const [focused, setFocused] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [session, setSession] = useState<SessionInfo | null>(null);
  const latest = useRef<AbortController | null>(null);

  const load = useCallback(async (target: string, keepRows: boolean) => {
    latest.current?.abort();
    const controller = new AbortController();
    latest.current = controller;
    setListing((prev) =>
      keepRows && prev.path === target ? { ...prev, loading: true } : { path: target, entries: [], encodingHint: null, error: null, loading: true },
    );
    try {
      const result = await fetchListing(target, controller.signal);
      if (controller.signal.aborted) return;
      setListing({ path: target, entries: result.entries, encodingHint: result.encodingHint, error: null, loading: false });
    } catch (err) {
      if (controller.signal.aborted) return;
      setListing({ path: target, entries: [], encodingHint: null, error: asApiError(err), loading: false });
    }
  }, []);

  useEffect(() => {
    // A new folder: fresh selection, cursor and rename; then list it.
    /* eslint-disable react-hooks/set-state-in-effect -- the folder comes from the URL; its state follows it */
    setSelection(new Set());
    setFocused(null);
    setRenaming(null);
    /* eslint-enable react-hooks/set-state-in-effect */
    void load(path, false);
    return () => latest.current?.abort();
  }, [path, load]);

  useEffect(() => {
    const controller = new AbortController();
    api<SessionInfo>("GET", "/api/session", undefined, { signal: controller.signal }).then(setSession, () => undefined);
    return () => controller.abort();
  }, []);

  const refresh = useCallback(() => load(path, true), [load, path]);
  const navigate = useCallback((target: string) => router.push(filesHref(target)), [router]);
  const entryPath = useCallback((entry: RemoteEntry | string) => joinPath(path, typeof entry === "string" ? entry : entry.name), [path]);

  const value = useMemo<BrowserState>(
    () => ({
      path,
      entries: listing.path === path ? listing.entries : [],
      encodingHint: listing.encodingHint,
      loading: listing.loading || listing.path !== path,
      error: listing.path === path ? listing.error : null,
      refresh,
      navigate,
      selection,
      setSelection,
      focused,
      setFocused,
      notify,
      renaming,
      setRenaming,
      session,
      entryPath,
    }),
    [path, listing, refresh, navigate, selection, focused, notify, renaming, session, entryPath],
  );

  return <BrowserContext.Provider value={value}>{children}</BrowserContext.Provider>;
}
