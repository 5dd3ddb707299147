import { describe, expect, it } from "vitest";
import { freeName, nameProblem, stemRange } from "@/components/fileops/names";

describe("freeName", () => {
  it.each([
    ["New folder", [], "New folder"],
    ["New folder", ["New folder"], "New folder 2"],
    ["New folder", ["New folder", "New folder 2"], "New folder 3"],
    ["untitled.txt", ["untitled.txt"], "untitled 2.txt"],
    [".env", [".env"], ".env 2"],
    ["새 폴더", ["새 폴더"], "새 폴더 2"],
  ])("%j with %j taken → %j", (base, taken, expected) => expect(freeName(base, taken)).toBe(expected));
});

describe("nameProblem", () => {
  it.each([
    ["", "fileops.name.empty"],
    ["   ", "fileops.name.empty"],
    [".", "fileops.name.dots"],
    ["..", "fileops.name.dots"],
    ["a/b", "fileops.name.slash"],
    ["a\nb", "fileops.name.control"],
    ["x".repeat(1025), "fileops.name.tooLong"],
    ["ok name.txt", null],
    ["..hidden", null],
  ])("%j → %j", (name, problem) => expect(nameProblem(name)).toBe(problem));
});

describe("stemRange", () => {
  it.each([
    ["report.txt", false, [0, 6]],
    ["archive.tar.gz", false, [0, 11]],
    [".bashrc", false, [0, 7]],
    ["my.folder", true, [0, 9]],
    ["README", false, [0, 6]],
  ] as const)("%j (folder %j) → %j", (name, folder, range) => expect(stemRange(name, folder)).toEqual(range));
});
