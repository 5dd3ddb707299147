import { describe, expect, it } from "vitest";
import { shortcutFor, type KeyPress } from "@/components/fileops/shortcut-for";

const press = (key: string, mods: Partial<Omit<KeyPress, "key">> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe("shortcutFor", () => {
  it.each([
    [press("F2"), "rename"],
    [press("Delete"), "delete"],
    [press("Delete", { shiftKey: true }), "delete"],
    [press("Backspace", { metaKey: true }), "delete"],
    [press("x", { ctrlKey: true }), "cut"],
    [press("X", { metaKey: true }), "cut"],
    [press("c", { ctrlKey: true }), "copy"],
    [press("v", { metaKey: true }), "paste"],
    [press("N", { ctrlKey: true, shiftKey: true }), "newFolder"],
    [press("F7"), "newFolder"],
    [press("F5"), "refresh"],
    [press("Enter", { altKey: true }), "properties"],
    [press("F", { ctrlKey: true, shiftKey: true }), "search"],
  ] as const)("%j → %s", (key, action) => expect(shortcutFor(key)).toBe(action));

  it.each([
    press("a"),
    press("Enter"),
    press("Backspace"),
    press("Backspace", { ctrlKey: true }),
    press("a", { ctrlKey: true }),
    press("c", { ctrlKey: true, altKey: true }),
    press("n", { ctrlKey: true }),
    press("F2", { shiftKey: true }),
    press("F5", { ctrlKey: true }),
  ])("%j does nothing", (key) => expect(shortcutFor(key)).toBeNull());
});
