import "server-only";
import type { Client } from "basic-ftp";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";
import { openClient } from "./connect";
import { isConnectionError } from "./errors";
import type { ConnectionProfile } from "./profile";

interface Slot {
  client: Client | undefined;
  /** A login is under way on this slot (counts as a connection the server may already hold). */
  connecting?: boolean;
  /** The server refused this slot's connection for its limit: the slot goes away on release. */
  refused?: boolean;
  busy: boolean;
  idleTimer: NodeJS.Timeout | undefined;
}

export interface RunOptions {
  /** A read that may be repeated safely: retried once on a fresh connection if the old one was dropped. */
  idempotent?: boolean;
}

/**
 * The FTP connections of one session: up to `max` basic-ftp clients, opened
 * lazily, each running one task at a time (basic-ftp fails both tasks if two overlap).
 */
export class SessionPool {
  private readonly slots: Slot[] = [];
  private readonly waiters: Array<(slot: Slot) => void> = [];
  private closed = false;

  constructor(
    private readonly profile: ConnectionProfile,
    private max: number,
  ) {}

  /** Runs `task` on a free, logged-in client. */
  async run<T>(task: (client: Client) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const slot = await this.acquire();
    try {
      const reused = slot.client !== undefined && !slot.client.closed;
      const client = reused ? slot.client! : await this.connect(slot);
      try {
        return await task(client);
      } catch (err) {
        // Retry only reads, and only when a reused connection turned out to be dead (idle timeout, 421, FIN).
        if (!options.idempotent || !reused || !(client.closed || isConnectionError(err))) throw err;
        client.close();
        return await task(await this.connect(slot));
      }
    } finally {
      this.release(slot);
    }
  }

  /** Takes over an already logged-in client (the one that verified the login), saving a second login. */
  adopt(client: Client): void {
    if (this.closed || this.slots.length >= this.max) {
      client.close();
      return;
    }
    const slot: Slot = { client, busy: true, idleTimer: undefined };
    this.slots.push(slot);
    this.release(slot);
  }

  /** How many clients are open now (for tests and diagnostics). */
  get openCount(): number {
    return this.slots.filter((s) => s.client && !s.client.closed).length;
  }

  get limit(): number {
    return this.max;
  }

  /** Closes every client; later `run` calls fail. */
  close(): void {
    this.closed = true;
    for (const slot of this.slots) {
      clearTimeout(slot.idleTimer);
      slot.client?.close();
      slot.client = undefined;
    }
    this.slots.length = 0;
  }

  private async connect(slot: Slot): Promise<Client> {
    slot.client = undefined;
    slot.connecting = true;
    try {
      slot.client = await openClient(this.profile);
      return slot.client;
    } catch (err) {
      // Logins still under way on other slots count too: the server already holds their connections
      // (a parallel burst of requests otherwise shrinks the pool below what the server allows).
      const others = this.slots.filter((s) => s !== slot && ((s.client && !s.client.closed) || s.connecting)).length;
      if (err instanceof AppError && (err.code === "ftp_unavailable" || err.code === "ftp_auth_failed") && others > 0) {
        // The server limits connections per user: live with the ones we have. This slot goes
        // (even below the new limit), so the requests waiting behind it use live connections
        // instead of knocking again while the server may still count the refused one.
        this.max = others;
        slot.refused = true;
        throw new AppError("ftp_unavailable", `The server allows only ${others} connection(s) at a time; Ferry will use that many. Try again.`, { cause: err });
      }
      throw err;
    } finally {
      slot.connecting = false;
    }
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new AppError("session_expired", "Your session has ended. Log in again."));
    const free = this.slots.find((s) => !s.busy && s.client && !s.client.closed) ?? this.slots.find((s) => !s.busy);
    if (free) return Promise.resolve(this.take(free));
    if (this.slots.length < this.max) {
      const slot: Slot = { client: undefined, busy: false, idleTimer: undefined };
      this.slots.push(slot);
      return Promise.resolve(this.take(slot));
    }
    return new Promise((resolve) => this.waiters.push((slot) => resolve(this.take(slot))));
  }

  private take(slot: Slot): Slot {
    clearTimeout(slot.idleTimer);
    slot.busy = true;
    return slot;
  }

  private release(slot: Slot): void {
    slot.busy = false;
    const index = this.slots.indexOf(slot);
    if (this.closed || index < 0 || index >= this.max || slot.refused) {
      // Closed, or the pool shrank while this slot was busy: waiters go to the remaining slots.
      slot.client?.close();
      if (index >= 0) this.slots.splice(index, 1);
      return;
    }
    const next = this.waiters.shift();
    if (next) {
      next(slot);
      return;
    }
    slot.idleTimer = setTimeout(() => {
      slot.client?.close();
      slot.client = undefined;
    }, env().FTP_IDLE_CLOSE_SECONDS * 1000);
    slot.idleTimer.unref();
  }
}
