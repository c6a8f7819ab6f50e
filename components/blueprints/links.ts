/** Page URLs of blueprints: /environments/<env>/blueprints/<handle>/<name>, from irn:blueprint:<handle>:<name>. */
export function irnParts(irn: string): { handle: string; name: string } {
  const [, , handle = "", name = ""] = irn.split(":");
  return { handle, name };
}

export function irnOf(handle: string, name: string): string {
  return `irn:blueprint:${handle}:${name}`;
}

export function blueprintHref(env: string, irn: string, version?: string, page: "" | "edit" = ""): string {
  const { handle, name } = irnParts(irn);
  const base = `/environments/${encodeURIComponent(env)}/blueprints/${encodeURIComponent(handle)}/${encodeURIComponent(name)}${page ? `/${page}` : ""}`;
  return version ? `${base}?v=${encodeURIComponent(version)}` : base;
}

export function blueprintsHref(env: string): string {
  return `/environments/${encodeURIComponent(env)}/blueprints`;
}
