/**
 * Response security headers, pure so proxy.ts, the route wrapper and tests
 * share them. Pages get a strict nonce-based CSP (Next.js reads the nonce from
 * the request's CSP header and puts it on its own scripts); API responses are
 * data, never rendered, so their CSP allows nothing at all.
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": API_CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

/** One year, subdomains included: sent only on responses that went out over HTTPS. */
export const HSTS = "max-age=31536000; includeSubDomains";

export type PageCspOptions = {
  nonce: string;
  /** Development needs eval for React's debugging aids; production never. */
  development: boolean;
  /** Origins the browser itself calls (the Cognito endpoint for sign-in). */
  connectSources: readonly string[];
  /** Ask the browser to upgrade http subresources (only when the page came over HTTPS). */
  upgradeInsecureRequests: boolean;
};

export function pageCsp(o: PageCspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.development ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce; style attributes (React Aria's visually hidden text,
    // chart sizes) cannot carry one, and they cannot run code. Development injects styles
    // for hot reloading without a nonce.
    o.development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${o.nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${o.connectSources.length ? ` ${o.connectSources.join(" ")}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(o.upgradeInsecureRequests ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** A nonce of 128 random bits, base64 (Web Crypto: proxy.ts may run outside Node). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
