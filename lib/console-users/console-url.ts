import "server-only";

/** The console's URL as the browser reached it (behind a proxy: the forwarded host), for invitation emails. */
export function publicOrigin(headers: Headers, requestUrl: string): string {
  const url = new URL(requestUrl);
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? url.host;
  const proto = headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
