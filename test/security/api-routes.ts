import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

export type Handler = (req: Request) => Promise<Response>;

export interface ApiRoute {
  /** URL path, e.g. /api/fs/list */
  path: string;
  method: string;
  handler: Handler;
}

const root = join(__dirname, "..", "..");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

/** Every handler of every route under app/api, found on disk, so a route added later is covered too. */
export async function loadApiRoutes(methods: string[]): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const file of routeFiles(join(root, "app", "api")).sort()) {
    const mod = (await import(file)) as Record<string, unknown>;
    const path = `/${relative(join(root, "app"), file).replace(/\/route\.ts$/, "").split("\\").join("/")}`;
    for (const method of methods) {
      const handler = mod[method];
      if (typeof handler === "function") routes.push({ path, method, handler: handler as Handler });
    }
  }
  return routes;
}
