import "server-only";
import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { JobStore } from "@/lib/jobs/store";

/** Bulk puts (generated history, bench), 25 per request, a few requests at once, unprocessed items retried. */
export async function writeAll(store: JobStore, items: Record<string, unknown>[], concurrency = 4): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      if (!batch) return;
      let requests: Record<string, unknown>[] = batch;
      for (let attempt = 0; requests.length && attempt < 8; attempt++) {
        const out = await store.db.send(new BatchWriteCommand({ RequestItems: { [store.table]: requests.map((Item) => ({ PutRequest: { Item } })) } }));
        requests = (out.UnprocessedItems?.[store.table] ?? []).flatMap((r) => (r.PutRequest?.Item ? [r.PutRequest.Item] : []));
        if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
      if (requests.length) throw new Error("DynamoDB kept refusing part of a batch");
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
