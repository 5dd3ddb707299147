import "server-only";
import type { SessionPool } from "./pool";

export interface ServerCapabilities {
  /** `SITE CPFR`/`SITE CPTO` (ProFTPD's mod_copy): the server copies files itself. */
  siteCopy: boolean;
}

// Asked once per session pool: FEAT and HELP SITE answers do not change while logged in.
const cache = new WeakMap<SessionPool, Promise<ServerCapabilities>>();

/** What optional commands the server offers, from FEAT and HELP SITE. */
export function serverCapabilities(pool: SessionPool): Promise<ServerCapabilities> {
  let found = cache.get(pool);
  if (!found) {
    found = pool.run(
      async (client) => {
        const features = await client.features();
        const help = await client.sendIgnoringError("HELP SITE");
        const helpText = help.code >= 200 && help.code < 300 ? help.message.toUpperCase() : "";
        const listed = (word: string) => features.has(`SITE ${word}`) || new RegExp(`\\b${word}\\b`).test(helpText);
        return { siteCopy: listed("CPFR") && listed("CPTO") };
      },
      { idempotent: true },
    );
    // A failed probe is asked again next time rather than remembered.
    found.catch(() => cache.delete(pool));
    cache.set(pool, found);
  }
  return found;
}
