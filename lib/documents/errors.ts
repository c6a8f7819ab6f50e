import { ConflictError } from "@/lib/http/errors";
import type { DocumentView } from "@/lib/documents/schema";

/** A save or delete at a revision that is no longer current; carries the stored version so the UI can show both. */
export class StaleDocumentError extends ConflictError {
  constructor(current: DocumentView) {
    super(`This document was changed by ${current.updatedBy || "someone else"} since you opened it (now at revision ${current.revision}). Compare both versions, then save again.`);
    this.details = { current };
  }
}
