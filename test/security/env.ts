import { resetEnvForTests } from "@/lib/env";

/**
 * Overrides settings for the rest of a test file (process.env + a fresh parse);
 * the returned function restores the previous values.
 */
export function setEnv(vars: Record<string, string | undefined>): () => void {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvForTests();
  };
  apply(vars);
  return () => apply(before);
}
