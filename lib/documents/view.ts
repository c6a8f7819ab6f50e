import type { StoredDocument } from "@/lib/documents/item";
import type { DocumentView } from "@/lib/documents/schema";

/** What the API returns for a stored document (everything it holds is the user's own data, nothing secret). */
export function toView(doc: StoredDocument): DocumentView {
  return { ...doc };
}
