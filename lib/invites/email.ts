/**
 * Invitation emails, HTML and text, pure. Every value is escaped for HTML: a
 * name is user text. Links are only ever http(s).
 */
export type InvitationEmail = {
  /** Who is invited into what, e.g. "TankTower sandbox" or "TankTower Console (sandbox, admin)". */
  product: string;
  recipientName?: string;
  email: string;
  signInUrl?: string;
  temporaryPassword: string;
  expiresAt: string;
  invitedBy?: string;
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

function expiryText(expiresAt: string): string {
  return new Date(expiresAt).toUTCString();
}

export function renderInvitation(m: InvitationEmail): { subject: string; text: string; html: string } {
  const subject = `You are invited to ${m.product}`;
  const url = safeHttpUrl(m.signInUrl);
  const greeting = m.recipientName ? `Hello ${m.recipientName},` : "Hello,";
  const text = [
    greeting,
    "",
    `You have been invited to ${m.product}${m.invitedBy ? ` by ${m.invitedBy}` : ""}.`,
    "",
    url ? `Sign in: ${url}` : "Sign in with the app of this environment.",
    `Username: ${m.email}`,
    `Temporary password: ${m.temporaryPassword}`,
    "",
    `The temporary password expires on ${expiryText(m.expiresAt)}. You will choose your own password when you first sign in.`,
  ].join("\n");
  const e = escapeHtml;
  const html = [
    `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">`,
    `<p>${e(greeting)}</p>`,
    `<p>You have been invited to <strong>${e(m.product)}</strong>${m.invitedBy ? ` by ${e(m.invitedBy)}` : ""}.</p>`,
    url ? `<p><a href="${e(url)}">Sign in</a> (${e(url)})</p>` : `<p>Sign in with the app of this environment.</p>`,
    `<p>Username: <code>${e(m.email)}</code><br>Temporary password: <code>${e(m.temporaryPassword)}</code></p>`,
    `<p>The temporary password expires on ${e(expiryText(m.expiresAt))}. You will choose your own password when you first sign in.</p>`,
    `</body></html>`,
  ].join("");
  return { subject, text, html };
}
