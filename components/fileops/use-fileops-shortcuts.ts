"use client";

// Placeholder from ui-shell; owner: fileops-ui. The shell calls it once inside <BrowserProvider>.
// F2, Delete, Ctrl+X/C/V…: listen on document and skip events whose target is an input, textarea or
// contenteditable. The shell itself handles arrows, Enter, Backspace, Alt+Up, Ctrl+A, Escape on the table.
export function useFileOpsShortcuts(): void {}
