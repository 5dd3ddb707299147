// renameOnto (lib/transfer/store-atomically.ts) replacing a file: the old one moved aside and
// deleted once the new one is in place, or moved back when the new one cannot be. The scripted
// server refuses the one rename a real server in the test setup would not refuse.
import { afterEach, describe, expect, it } from "vitest";
import { SessionPool } from "@/lib/ftp/pool";
import { renameOnto } from "@/lib/transfer/store-atomically";
import { startScriptedFtpServer, type ScriptedFtpServer } from "../fixtures/scripted-ftp-server";

let fake: ScriptedFtpServer | undefined;
let pool: SessionPool | undefined;
afterEach(async () => {
  pool?.close();
  await fake?.close();
  fake = pool = undefined;
});

const aside = /^\/d\/\.target\.txt\.ferry-[0-9a-f]{16}\.part$/;
/** A server whose RNTO onto `/d/target.txt` answers `intoTarget`, and every other rename succeeds. */
async function server(intoTarget: string, replaceable = true, dele = "250 Deleted.") {
  fake = await startScriptedFtpServer({
    RNFR: (line) => (replaceable || !line.endsWith("/d/target.txt") ? "350 Ready for RNTO." : "550 No such file."),
    RNTO: (line) => (line === "RNTO /d/target.txt" ? intoTarget : "250 Rename successful."),
    DELE: dele,
  });
  pool = new SessionPool({ host: "127.0.0.1", port: fake.port, user: "demo", password: "demo", tls: "none", transferMode: "passive", encoding: "auto" }, 1);
  return fake;
}

describe("renameOnto with overwrite", () => {
  it("moves the old file aside, puts the new one in place, then deletes the old one", async () => {
    const { commands } = await server("250 Rename successful.");
    await renameOnto(pool!, "/d/.new.part", "/d/target.txt", true);
    expect(commands).toHaveLength(5);
    expect(commands[0]).toBe("RNFR /d/target.txt");
    expect(commands[1]).toMatch(/^RNTO /);
    const moved = commands[1]!.slice(5);
    expect(moved).toMatch(aside);
    expect(commands.slice(2)).toEqual(["RNFR /d/.new.part", "RNTO /d/target.txt", `DELE ${moved}`]);
  });

  it("moves the old file back when the new one cannot be put in place", async () => {
    const { commands } = await server("553 Not allowed.");
    await expect(renameOnto(pool!, "/d/.new.part", "/d/target.txt", true)).rejects.toThrow("Not allowed");
    const moved = commands[1]!.slice(5);
    expect(moved).toMatch(aside);
    expect(commands.slice(2)).toEqual(["RNFR /d/.new.part", "RNTO /d/target.txt", `RNFR ${moved}`, "RNTO /d/target.txt"]);
    expect(commands.some((c) => c.startsWith("DELE"))).toBe(false);
  });

  it("puts a folder moved aside back, and the new file back under its temp name, and fails", async () => {
    const { commands } = await server("250 Rename successful.", true, "550 Is a directory.");
    await expect(renameOnto(pool!, "/d/.new.part", "/d/target.txt", true)).rejects.toThrow("Is a directory");
    const moved = commands[1]!.slice(5);
    expect(moved).toMatch(aside);
    expect(commands.slice(2)).toEqual(["RNFR /d/.new.part", "RNTO /d/target.txt", `DELE ${moved}`, "RNFR /d/target.txt", "RNTO /d/.new.part", `RNFR ${moved}`, "RNTO /d/target.txt"]);
  });

  it("renames straight onto a target that does not exist", async () => {
    const { commands } = await server("250 Rename successful.", false);
    await renameOnto(pool!, "/d/.new.part", "/d/target.txt", true);
    expect(commands).toEqual(["RNFR /d/target.txt", "RNFR /d/.new.part", "RNTO /d/target.txt"]);
  });
});
