/**
 * The console's sections, in nav order. `soon` marks sections whose pages are
 * not in this build yet: they show as "coming soon" instead of a link.
 */
export type NavItem = { href: string; label: string; soon?: boolean; description: string };

export const NAV: readonly NavItem[] = [
  { href: "/environments", label: "Environments", description: "AWS accounts and regions, their health and checklists" },
  { href: "/blueprints", label: "Blueprints", description: "Document types of an environment" },
  { href: "/entities", label: "Entities", soon: true, description: "Users, teams and their rights" },
  { href: "/jobs", label: "Jobs", soon: true, description: "Scheduled jobs and their runs" },
  { href: "/audit", label: "Audit", description: "Every change, who made it and how it ended" },
];

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
