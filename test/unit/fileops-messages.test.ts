import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { permissionBits, permissionClasses } from "@/components/fileops/permissions";
import { fileops } from "@/lib/i18n/messages/fileops";

// Keys the fileops components build at run time or pick with a condition, which the catalogue
// test (literal t("…") calls only) cannot see.
const stops = ["entries", "time", "aborted"];
const built = [
  ...[...permissionClasses, ...permissionBits].map((k) => `fileops.chmod.${k}`),
  ...stops.flatMap((s) => [`fileops.stopped.${s}`, `fileops.search.stopped.${s}`, `fileops.size.partial.${s}`]),
  ...["file", "dir", "link", "unknown"].map((k) => `fileops.type.${k}`),
];

describe("fileops messages", () => {
  it("has every key built from a value", () => {
    expect(built.filter((key) => !(key in fileops.en))).toEqual([]);
  });

  it("has every quoted fileops key of the components (conditions and pure helpers included)", () => {
    const dir = join(__dirname, "../../components/fileops");
    const keys = readdirSync(dir).flatMap((file) => [...readFileSync(join(dir, file), "utf8").matchAll(/"(fileops\.[\w.]+)"/g)].map((m) => m[1]!));
    expect(keys.length).toBeGreaterThan(50);
    expect([...new Set(keys)].filter((key) => !(key in fileops.en))).toEqual([]);
  });
});
