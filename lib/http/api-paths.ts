import { operations } from "@/lib/http/openapi";

/**
 * Which methods each API path answers, from the declared operations: the
 * proxy answers 405 (with Allow) for any other method and a JSON 404 for a
 * path no operation declares. Next.js's HEAD (from GET) and OPTIONS come along.
 */
type PathMethods = { pattern: RegExp; methods: Set<string> };

function patternOf(template: string): RegExp {
  const escaped = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${escaped}/?$`);
}

let table: PathMethods[] | undefined;

function pathTable(): PathMethods[] {
  if (table) return table;
  const byPath = new Map<string, Set<string>>();
  for (const op of operations) {
    const methods = byPath.get(op.path) ?? new Set<string>();
    methods.add(op.method);
    byPath.set(op.path, methods);
  }
  // Literal paths before templates, so /api/session is not taken for a parameter.
  table = [...byPath.entries()]
    .sort(([a], [b]) => (a.includes("{") ? 1 : 0) - (b.includes("{") ? 1 : 0))
    .map(([path, methods]) => {
      if (methods.has("GET")) methods.add("HEAD");
      methods.add("OPTIONS");
      return { pattern: patternOf(path), methods };
    });
  return table;
}

/** The methods a path answers, or undefined when no operation has that path. */
export function allowedMethods(pathname: string): string[] | undefined {
  const hit = pathTable().find((entry) => entry.pattern.test(pathname));
  return hit ? [...hit.methods].sort() : undefined;
}
