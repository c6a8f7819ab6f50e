import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts the AWS calls made inside `withCallLog`, by command name, through a
 * middleware on every client (lib/aws/clients.ts). Provisioning runs report
 * these counts; the bench and the idempotency tests check that a second run
 * makes no mutating call.
 */
const READ_ONLY = /^(Get|List|Describe|Head|Query|Scan|BatchGet|Simulate)/;

export class CallLog {
  total = 0;
  mutating = 0;
  /** Attempts beyond the first, made by the SDK's retry strategy (throttling, 5xx, network). */
  retries = 0;
  readonly mutations: string[] = [];
  /** Make every call wait for the previous one: the one-by-one baseline of the bench. */
  serial = false;
  private tail: Promise<unknown> = Promise.resolve();

  exclusive<T>(call: () => Promise<T>): Promise<T> {
    const result = this.tail.then(call, call);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** `attempts` as the SDK reports it in `$metadata` of an answer or an error. */
  attempted(attempts: number | undefined): void {
    if (attempts && attempts > 1) this.retries += attempts - 1;
  }

  record(commandName: string): void {
    const name = commandName.replace(/Command$/, "");
    this.total++;
    if (!READ_ONLY.test(name)) {
      this.mutating++;
      this.mutations.push(name);
    }
  }
}

const storage = new AsyncLocalStorage<CallLog>();

export function withCallLog<T>(log: CallLog, fn: () => Promise<T>): Promise<T> {
  return storage.run(log, fn);
}

export function currentCallLog(): CallLog | undefined {
  return storage.getStore();
}
