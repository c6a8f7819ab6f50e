import { notFoundResponse } from "@/lib/http/not-found";

/**
 * Any /api path no operation declares: a JSON 404 instead of the HTML page.
 * (proxy.ts answers body-less requests itself; requests with a body skip the
 * proxy, so that it never buffers them, and land here.)
 */
export const GET = notFoundResponse;
export const POST = notFoundResponse;
export const PUT = notFoundResponse;
export const PATCH = notFoundResponse;
export const DELETE = notFoundResponse;
export const HEAD = notFoundResponse;
export const OPTIONS = notFoundResponse;
