// Time left as people read it (sizes use the listing's humanSize, so both read alike).

export interface TimeLeft {
  key: "transfers.left.seconds" | "transfers.left.minutes" | "transfers.left.hours";
  vars: { h: number; m: number; s: number };
}

/** Seconds left as a message key and its parts: under a minute in seconds, under an hour in min+s, else h+min. */
export function timeLeft(seconds: number): TimeLeft {
  const total = Math.max(1, Math.ceil(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return { key: "transfers.left.hours", vars: { h, m, s } };
  if (m > 0) return { key: "transfers.left.minutes", vars: { h, m, s } };
  return { key: "transfers.left.seconds", vars: { h, m, s } };
}
