import { CopyButton } from "@/components/ui/copy-button";

/**
 * A long identifier (ARN, pool id, key id): monospace, wrapping anywhere so it
 * never widens the page, with a copy button when asked.
 */
export function Identifier({ value, copy = false, label }: { value: string; copy?: boolean; label?: string }) {
  return (
    <span className="inline-flex min-w-0 max-w-full items-baseline gap-1">
      <span className="min-w-0 break-all font-mono">{value}</span>
      {copy ? <CopyButton text={value} compact what={label ?? value} /> : null}
    </span>
  );
}
