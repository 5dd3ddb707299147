import { describe, expect, it } from "vitest";
import { isGlob, nameMatcher } from "@/lib/search/name-matcher";

describe("nameMatcher", () => {
  it.each([
    ["report", "Quarterly-REPORT.pdf", true],
    ["report", "rep.txt", false],
    ["*.txt", "notes.TXT", true],
    ["*.txt", "notes.txt.bak", false],
    ["report-202?.*", "report-2024.csv", true],
    ["report-202?.*", "report-20245.csv", false],
    ["[ab]*", "beta", true],
    ["[!ab]*", "beta", false],
    ["[a-c].md", "b.md", true],
    ["a.c", "abc", false],
    ["a.c", "xa.cx", true],
    ["(1)", "file (1).txt", true],
    ["*(1)*", "file (1).txt", true],
    ["[unclosed", "x[unclosed", true],
    ["보고서", "보고서.txt".normalize("NFD"), true],
    ["*.TXT", "보고서.txt".normalize("NFD"), true],
  ])("%j matches %j: %s", (query, name, expected) => {
    expect(nameMatcher(query)(name)).toBe(expected);
  });

  it.each([
    ["*.txt", true],
    ["a?", true],
    ["[ab]", true],
    ["plain", false],
    ["[unclosed", false],
  ])("isGlob(%j) = %s", (query, expected) => {
    expect(isGlob(query)).toBe(expected);
  });
});
