import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const guarded = ["lib/ftp", "lib/session", "lib/security", "lib/http", "lib/log", "lib/audit", "lib/env.ts"];

function sourceFiles(path: string): string[] {
  const full = join(root, path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return /\.tsx?$/.test(path) ? [full] : [];
  return readdirSync(full).flatMap((name) => sourceFiles(join(path, name)));
}

describe("server-only guard", () => {
  const files = guarded.flatMap(sourceFiles);

  it("finds the server modules", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(root, f), f]))("%s starts with import \"server-only\"", (_name, file) => {
    const firstCode = readFileSync(file, "utf8")
      .split("\n")
      .find((line) => line.trim() !== "" && !line.trim().startsWith("//"));
    expect(firstCode).toBe('import "server-only";');
  });
});
