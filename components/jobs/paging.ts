/**
 * Which page "Older" goes to. Pure (unit-tested).
 *
 * The runs query keeps the previous page on screen while the next one loads
 * (placeholderData), so right after a filter change the page on screen, and
 * its nextCursor, still belong to the old filter. Following that cursor with
 * the new filter asked the server for a cursor of another partition ("This
 * cursor does not belong to this list"). A page therefore carries the request
 * it answered, and only a page answering the current request gives a cursor.
 */
export type RunFilters = { job?: string; status?: string; trigger?: string; author?: string; from?: string; to?: string; cursor?: string };

const KEYS = ["job", "status", "trigger", "author", "from", "to", "cursor"] as const;

/** A canonical string of a request's filters and cursor (order and empty values do not matter). */
export function requestKey(filters: RunFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** The filters of the next older page, or undefined when there is none or the page on screen is another request's. */
export function olderPage(current: RunFilters, page: { request: string; nextCursor: string | null } | undefined): RunFilters | undefined {
  if (!page || page.request !== requestKey(current) || !page.nextCursor) return undefined;
  return { ...current, cursor: page.nextCursor };
}
