"use client";

// Placeholder from ui-shell; owner: transfers-ui. The transfer queue panel, rendered once below the listing.
export function TransferPanel(): React.ReactNode {
  return null;
}
