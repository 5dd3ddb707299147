// "Keep both" names, the way desktop file managers number copies: "report (1).pdf".

const doubleExtensions = [".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst"];

/** Splits a name into stem and extension; a leading dot (".bashrc") is part of the stem, never an extension. */
export function splitExtension(name: string): { stem: string; ext: string } {
  const lower = name.toLowerCase();
  const double = doubleExtensions.find((ext) => lower.endsWith(ext) && lower.length > ext.length);
  if (double) return { stem: name.slice(0, -double.length), ext: name.slice(-double.length) };
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return { stem: name, ext: "" };
  return { stem: name.slice(0, dot), ext: name.slice(dot) };
}

/** The `n`th "keep both" name of `name`: keepBothName("a.txt", 1) === "a (1).txt". */
export function keepBothName(name: string, n: number): string {
  const { stem, ext } = splitExtension(name);
  return `${stem} (${n})${ext}`;
}
