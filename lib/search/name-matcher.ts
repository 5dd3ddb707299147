// Name matching for the recursive search (and the listing's instant filter): shared with the browser.

/** True when the query uses glob syntax (`*`, `?` or `[…]`) rather than a plain substring. */
export function isGlob(query: string): boolean {
  return /[*?]|\[[^\]]+\]/.test(query);
}

function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) {
        out += "\\[";
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      // Inside a class only \ ] ^ need escaping; "-" keeps its range meaning.
      out += `[${negate ? "^" : ""}${body.replace(/[\\\]^]/g, "\\$&")}]`;
      i = close;
    } else out += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "isu");
}

/**
 * A case-insensitive matcher for file names: a glob matches the whole name
 * (`*.txt`, `report-202?.*`, `[ab]*`), anything else is a substring. Both sides are
 * Unicode-normalised (NFC), so a Korean name stored decomposed by macOS still matches.
 */
export function nameMatcher(query: string): (name: string) => boolean {
  const q = query.normalize("NFC");
  if (isGlob(q)) {
    const re = globToRegExp(q);
    return (name) => re.test(name.normalize("NFC"));
  }
  const needle = q.toLowerCase();
  return (name) => name.normalize("NFC").toLowerCase().includes(needle);
}
