// Everything CodeMirror, in one module that code-editor.tsx imports on demand: the listing
// never downloads the editor, only opening a text file does.
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, openSearchPanel, search, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, Prec, type Extension, type Text } from "@codemirror/state";
import { oneDark } from "@codemirror/theme-one-dark";
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  rectangularSelection,
} from "@codemirror/view";
import { loadLanguageFor } from "./language-for";

export interface EditorOptions {
  doc: string;
  /** File name: picks the syntax highlighting. */
  name: string;
  editable: boolean;
  dark: boolean;
  /** Long lines wrap at the window's edge. */
  wrap: boolean;
  /** The page's CSP nonce, put on the <style> tags CodeMirror injects (the page CSP blocks any without). */
  nonce: string;
  /** Accessible name of the text area. */
  label: string;
  /** CodeMirror's own words (search panel, folding…) in the UI language. */
  phrases: Record<string, string>;
  /** Called when the text starts or stops differing from the last saved text. */
  onDirtyChange: (dirty: boolean) => void;
  /** Ctrl/Cmd+S inside the editor. */
  onSave: () => void;
  onCursor?: (line: number, column: number) => void;
}

export interface EditorController {
  getText(): string;
  /** The text as it is now, to hand back to `markSaved` once the save of that text succeeded. */
  snapshot(): Text;
  /** `text` (a snapshot) is what the file now holds: the editor is clean when it shows exactly that. */
  markSaved(text: Text): void;
  setEditable(editable: boolean): void;
  setDark(dark: boolean): void;
  setWrap(wrap: boolean): void;
  openSearch(): void;
  focus(): void;
  destroy(): void;
}

const layout = EditorView.theme({
  "&": { height: "100%", fontSize: "13px" },
  // The caret and the active line show where the focus is; the default dotted frame looks like a glitch.
  "&.cm-focused": { outline: "none" },
  // Wrapped Korean breaks between words, as Korean text is read, not inside them.
  ".cm-lineWrapping": { wordBreak: "keep-all" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.5" },
  ".cm-panels input, .cm-panels button, .cm-panels label": { fontSize: "13px" },
  ".cm-textfield": { borderRadius: "4px", padding: "3px 6px" },
  ".cm-button": { borderRadius: "4px", padding: "3px 10px", backgroundImage: "none" },
  ".cm-panel.cm-search label": { display: "inline-flex", alignItems: "center", gap: "3px" },
});

// Light: CodeMirror's default highlighting on the app's white and slate.
const light = [
  EditorView.theme(
    {
      "&": { backgroundColor: "#ffffff", color: "#0f172a" },
      ".cm-gutters": { backgroundColor: "#f8fafc", color: "#64748b", borderRight: "1px solid #e2e8f0" },
      ".cm-panels": { backgroundColor: "#f8fafc", color: "#0f172a" },
      ".cm-panels.cm-panels-top": { borderBottom: "1px solid #e2e8f0" },
      ".cm-textfield": { border: "1px solid #cbd5e1", backgroundColor: "#ffffff" },
      ".cm-button": { border: "1px solid #cbd5e1", backgroundColor: "#ffffff", color: "#0f172a" },
    },
    { dark: false },
  ),
  syntaxHighlighting(defaultHighlightStyle),
];

// Dark: One Dark's colours for the code, on the app's own slate background.
// Prec.high: between two themes the one of higher precedence wins, and One Dark sets these too.
const darkOverrides = EditorView.theme(
  {
    "&": { backgroundColor: "#0f172a" },
    ".cm-gutters": { backgroundColor: "#0f172a", borderRight: "1px solid #334155" },
    ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "#1e293b" },
    ".cm-panels": { backgroundColor: "#1e293b" },
    ".cm-panels.cm-panels-top": { borderBottom: "1px solid #334155" },
    ".cm-textfield": { border: "1px solid #475569", backgroundColor: "#0f172a" },
    ".cm-button": { border: "1px solid #475569", backgroundColor: "#1e293b", color: "#e2e8f0" },
  },
  { dark: true },
);
const dark = [oneDark, Prec.high(darkOverrides)];

function themeFor(isDark: boolean): Extension {
  return isDark ? dark : light;
}

function editability(editable: boolean): Extension {
  // Read-only still allows selecting, searching and copying; Tab then leaves the editor as usual.
  return editable ? [keymap.of([indentWithTab])] : [EditorState.readOnly.of(true)];
}

/** Creates an editor in `parent`; the language loads after the text shows. */
export function createEditor(parent: HTMLElement, options: EditorOptions): EditorController {
  const theme = new Compartment();
  const editing = new Compartment();
  const language = new Compartment();
  const wrapping = new Compartment();
  let saved: Text;
  let dirty = false;

  const setDirty = (value: boolean) => {
    if (value === dirty) return;
    dirty = value;
    options.onDirtyChange(value);
  };

  const state = EditorState.create({
    doc: options.doc,
    extensions: [
      EditorView.cspNonce.of(options.nonce),
      EditorState.phrases.of(options.phrases),
      EditorView.contentAttributes.of({ "aria-label": options.label }),
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      foldGutter(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      // Words already in the file only: no server, no language service.
      autocompletion({ activateOnTyping: false }),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      keymap.of([
        { key: "Mod-s", preventDefault: true, run: () => (options.onSave(), true) },
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...searchKeymap,
        ...historyKeymap,
        ...foldKeymap,
        ...completionKeymap,
      ]),
      layout,
      wrapping.of(options.wrap ? EditorView.lineWrapping : []),
      theme.of(themeFor(options.dark)),
      editing.of(editability(options.editable)),
      language.of([]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) setDirty(!(update.state.doc.length === saved.length && update.state.doc.eq(saved)));
        if (options.onCursor && (update.selectionSet || update.docChanged)) {
          const head = update.state.selection.main.head;
          const line = update.state.doc.lineAt(head);
          options.onCursor(line.number, head - line.from + 1);
        }
      }),
    ],
  });
  saved = state.doc;
  const view = new EditorView({ state, parent });

  const loading = loadLanguageFor(options.name);
  void loading
    ?.then((extension) => {
      if (!destroyed) view.dispatch({ effects: language.reconfigure(extension) });
    })
    .catch(() => undefined); // No highlighting is better than no text.
  let destroyed = false;

  return {
    getText: () => view.state.doc.toString(),
    snapshot: () => view.state.doc,
    markSaved(text) {
      saved = text;
      setDirty(!(view.state.doc.length === saved.length && view.state.doc.eq(saved)));
    },
    setEditable: (editable) => view.dispatch({ effects: editing.reconfigure(editability(editable)) }),
    setDark: (dark) => view.dispatch({ effects: theme.reconfigure(themeFor(dark)) }),
    setWrap: (wrap) => view.dispatch({ effects: wrapping.reconfigure(wrap ? EditorView.lineWrapping : []) }),
    openSearch: () => openSearchPanel(view),
    focus: () => view.focus(),
    destroy() {
      destroyed = true;
      view.destroy();
    },
  };
}
