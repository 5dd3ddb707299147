// How the shortcuts of use-fileops-shortcuts.ts are written in tooltips and the context menu.
export const shortcutLabels = {
  newFolder: "F7",
  rename: "F2",
  cut: "Ctrl/⌘+X",
  copy: "Ctrl/⌘+C",
  paste: "Ctrl/⌘+V",
  delete: "Delete",
  properties: "Alt+Enter",
  search: "Ctrl/⌘+Shift+F",
  refresh: "F5",
} as const;
