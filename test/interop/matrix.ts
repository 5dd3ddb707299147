import { appendFileSync } from "node:fs";
import { join } from "node:path";
import type { TargetInfo } from "./harness/spec";

export type TlsMode = "none" | "explicit" | "implicit";
export type TransferMode = "passive" | "active";

/** One column of the compatibility matrix: a server instance spoken to in one TLS and transfer mode. */
export interface Combo {
  target: TargetInfo;
  tls: TlsMode;
  mode: TransferMode;
  /** Folder (and test-name prefix) unique to this combo. */
  slug: string;
  label: string;
}

/** Every server × TLS mode × transfer mode the contract runs. */
export function combosOf(targets: TargetInfo[]): Combo[] {
  const out: Combo[] = [];
  for (const target of targets) {
    const tlsModes: TlsMode[] = target.implicit ? ["implicit"] : ["none", "explicit"];
    for (const tls of tlsModes) {
      for (const mode of ["passive", "active"] as const) {
        out.push({ target, tls, mode, slug: `${target.kind}-${tls}-${mode}`, label: `${target.kind} | ${tls === "none" ? "plain" : tls} | ${mode}` });
      }
    }
  }
  return out;
}

/**
 * Records that the server itself lacks a feature, with the reply that said so; run.ts puts
 * "not supported by the server: <reply>" in that cell (the test still checks Ferry's answer).
 */
export function noteUnsupported(combo: Combo, feature: string, reply: string): void {
  const dir = process.env.FERRY_INTEROP_NOTES;
  if (!dir) return;
  appendFileSync(join(dir, "notes.jsonl"), `${JSON.stringify({ combo: combo.label, feature, reply: reply.trim().replace(/\s+/g, " ").slice(0, 160) })}\n`);
}

/**
 * Records that Ferry has no route for a feature yet (the test checks that it is indeed absent);
 * the cell says "not built yet in Ferry".
 */
export function noteNotBuilt(combo: Combo, feature: string, route: string): void {
  const dir = process.env.FERRY_INTEROP_NOTES;
  if (!dir) return;
  appendFileSync(join(dir, "notes.jsonl"), `${JSON.stringify({ combo: combo.label, feature, notBuilt: route })}\n`);
}
