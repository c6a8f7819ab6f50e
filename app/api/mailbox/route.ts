import { route } from "@/lib/http/route";
import { readMailboxOp } from "@/lib/mailbox/operations";
import { readMailbox } from "@/lib/mailbox/read";

export const GET = route(readMailboxOp, async ({ query }) => ({ items: await readMailbox(query.to) }));
