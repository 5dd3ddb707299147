// Prints the README's configuration table from lib/env.ts (npm run env:table).
// test/unit/env-table.test.ts fails when the README's copy is out of date.
import { z } from "zod";
import { envSchema } from "../lib/env";

function defaultOf(schema: z.ZodType): string {
  const def = (schema as { def?: { type?: string; defaultValue?: unknown; innerType?: z.ZodType } }).def;
  if (def?.type === "default") {
    const value = typeof def.defaultValue === "function" ? (def.defaultValue as () => unknown)() : def.defaultValue;
    return value === "" ? "(empty)" : `\`${String(value)}\``;
  }
  if (def?.type === "optional") return "(unset)";
  return "(required)";
}

/** The markdown table: one row per setting, with its default and description. */
export function envTable(): string {
  const rows = Object.entries(envSchema.shape).map(([name, schema]) => {
    const description = (schema as z.ZodType).description ?? "";
    return `| \`${name}\` | ${defaultOf(schema as z.ZodType)} | ${description.replace(/\|/g, "\\|")} |`;
  });
  return ["| Variable | Default | Meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

if (process.argv[1]?.endsWith("env-table.ts")) console.log(envTable());
