import type { z } from "zod";
import type { reindexResultSchema } from "@/lib/jobs/schema";

/** One page of a reindex (lib/jobs/reindex.ts), as the API answers it. Isomorphic. */
export type ReindexResult = z.infer<typeof reindexResultSchema>;
