import "server-only";
import type { Client } from "basic-ftp";
import { openClient } from "../connect";
import type { ConnectionProfile } from "../profile";

/**
 * Connects and logs in to prove the profile works; returns the logged-in client
 * (for the session's pool to adopt) and the home directory from PWD.
 */
export async function openVerifiedClient(profile: ConnectionProfile): Promise<{ client: Client; home: string }> {
  const client = await openClient(profile);
  // Some servers answer PWD with a relative or odd path; "/" is a safe start then.
  const home = await client.pwd().catch(() => "/");
  return { client, home: home.startsWith("/") ? home : "/" };
}
