// CodeMirror's own UI words (search panel, folding, go-to-line) from Ferry's catalogue.
import type { Translate } from "@/lib/i18n";

/** CodeMirror phrase → catalogue key ("$" in a phrase is CodeMirror's placeholder and stays). */
const keys: Record<string, string> = {
  Find: "viewer.cm.find",
  Replace: "viewer.cm.replace",
  next: "viewer.cm.next",
  previous: "viewer.cm.previous",
  all: "viewer.cm.all",
  "match case": "viewer.cm.matchCase",
  regexp: "viewer.cm.regexp",
  "by word": "viewer.cm.byWord",
  replace: "viewer.cm.replaceOne",
  "replace all": "viewer.cm.replaceAll",
  close: "viewer.cm.close",
  "current match": "viewer.cm.currentMatch",
  "on line": "viewer.cm.onLine",
  "replaced $ matches": "viewer.cm.replacedMatches",
  "replaced match on line $": "viewer.cm.replacedMatchOnLine",
  "Go to line": "viewer.cm.goToLine",
  go: "viewer.cm.go",
  "Folded lines": "viewer.cm.foldedLines",
  "Unfolded lines": "viewer.cm.unfoldedLines",
  "Fold line": "viewer.cm.foldLine",
  "Unfold line": "viewer.cm.unfoldLine",
  "folded code": "viewer.cm.foldedCode",
  unfold: "viewer.cm.unfold",
  "Control character": "viewer.cm.controlCharacter",
  "Selection deleted": "viewer.cm.selectionDeleted",
};

export function codemirrorPhrases(t: Translate): Record<string, string> {
  return Object.fromEntries(Object.entries(keys).map(([phrase, key]) => [phrase, t(key)]));
}
