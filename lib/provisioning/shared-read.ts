/**
 * Requests that arrive while a read of the same thing is in flight share it
 * instead of starting their own: two hundred people watching one checklist
 * cost one set of AWS calls at a time, not two hundred (IAM's own request
 * rate is low). Nothing is kept once the read settles, so an answer is never
 * older than the read it came from; `forget` makes later callers start afresh
 * (after a write that the running read may have missed).
 */
export class SharedReads<V> {
  private readonly inflight = new Map<string, { variant: string; read: Promise<V> }>();

  run(key: string, variant: string, read: () => Promise<V>): Promise<V> {
    const running = this.inflight.get(key);
    if (running && running.variant === variant) return running.read;
    const started = read().finally(() => {
      if (this.inflight.get(key)?.read === started) this.inflight.delete(key);
    });
    this.inflight.set(key, { variant, read: started });
    return started;
  }

  forget(key: string): void {
    this.inflight.delete(key);
  }

  get size(): number {
    return this.inflight.size;
  }
}
