/**
 * The console's sections, in nav order. `soon` marks sections whose pages are
 * not in this build yet: they show as "coming soon" instead of a link.
 */
export type NavItem = { href: string; label: string; soon?: boolean; description: string; operatorOnly?: boolean; sandboxOnly?: boolean };

export const NAV: readonly NavItem[] = [
  { href: "/environments", label: "Environments", description: "AWS accounts and regions, their health and checklists" },
  { href: "/blueprints", label: "Blueprints", description: "Document types of an environment" },
  { href: "/entities", label: "Entities", description: "Users, teams and their rights" },
  { href: "/jobs", label: "Jobs", description: "Scheduled jobs and their runs" },
  { href: "/audit", label: "Audit", description: "Every change, who made it and how it ended" },
  { href: "/console-users", label: "Console users", operatorOnly: true, description: "Environment admins and viewers of this console" },
  { href: "/mailbox", label: "Mailbox", operatorOnly: true, sandboxOnly: true, description: "Emails the sandbox's SES accepted" },
];

/** The sections this user sees: operator-only ones for operators, sandbox-only ones in the sandbox. */
export function navItems({ isOperator, mode }: { isOperator: boolean; mode: "sandbox" | "aws" }): NavItem[] {
  return NAV.filter((n) => (!n.operatorOnly || isOperator) && (!n.sandboxOnly || mode === "sandbox"));
}

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
