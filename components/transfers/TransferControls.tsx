"use client";

// Placeholder from ui-shell; owner: transfers-ui. Upload buttons, rendered in the shell's toolbar row.
export function TransferControls(): React.ReactNode {
  return null;
}
