import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pickLocale } from "@/lib/i18n/locales";
import { areas, messages } from "@/lib/i18n/messages";
import { translate } from "@/lib/i18n/translate";

const root = join(__dirname, "..", "..");

describe("message catalogues", () => {
  for (const [name, area] of Object.entries(areas)) {
    it(`${name}: en and ko have the same keys`, () => {
      expect(Object.keys(area.ko).sort()).toEqual(Object.keys(area.en).sort());
    });

    it(`${name}: every key starts with "${name}." and no text is empty`, () => {
      for (const locale of ["en", "ko"] as const) {
        for (const [key, text] of Object.entries(area[locale] as Record<string, string>)) {
          expect(key.startsWith(`${name}.`), `${locale} ${key}`).toBe(true);
          expect(text.trim(), `${locale} ${key}`).not.toBe("");
        }
      }
    });

    it(`${name}: en and ko use the same {placeholders} in each message`, () => {
      const en = area.en as Record<string, string>;
      const ko = area.ko as Record<string, string>;
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const key of Object.keys(en)) expect(names(ko[key] ?? ""), key).toEqual(names(en[key]!));
    });
  }

  it("every t(\"key\") written in the UI code exists in the catalogue", () => {
    const files = ["app", "components", "lib/client", "lib/i18n"].flatMap((dir) => sourceFiles(join(root, dir)));
    const missing: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-z]+\.[\w.-]+)"/g)) {
        if (!(match[1]! in messages.en)) missing.push(`${file.slice(root.length + 1)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("translate", () => {
  const catalog = { "a.items": "{count} items", "a.items.one": "1 item", "a.hello": "Hello {name}, {name}" };
  it.each([
    ["a.items", { count: 3 }, "3 items"],
    ["a.items", { count: 1 }, "1 item"],
    ["a.hello", { name: "Ana" }, "Hello Ana, Ana"],
    ["a.hello", {}, "Hello {name}, {name}"],
    ["a.missing", undefined, "a.missing"],
  ])("%s %j → %s", (key, vars, expected) => {
    expect(translate(catalog, key, vars)).toBe(expected);
  });
});

describe("pickLocale", () => {
  it.each([
    [["ko-KR", "en-US"], "ko"],
    [["fr-FR", "en-GB"], "en"],
    [["de"], "en"],
    ["ko-KR,ko;q=0.9,en-US;q=0.8", "ko"],
    [null, "en"],
  ] as const)("%j → %s", (prefs, expected) => {
    expect(pickLocale(prefs)).toBe(expected);
  });
});

function sourceFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === "api" ? [] : sourceFiles(full);
    return /\.(tsx?|ts)$/.test(name) ? [full] : [];
  });
}
