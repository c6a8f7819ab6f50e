"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies text to the clipboard and says so (politely, for screen readers). */
export function CopyButton({ text, label = "Copy", compact = false, what }: { text: string; label?: string; compact?: boolean; what?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant={compact ? "ghost" : "secondary"}
      className={compact ? "px-1.5 py-0.5 text-xs" : ""}
      aria-label={what ? `${label} ${what}` : undefined}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        } catch {
          setCopied(false);
        }
      }}
    >
      {copied ? "Copied" : label}
      <span className="sr-only" aria-live="polite">{copied ? " to the clipboard" : ""}</span>
    </Button>
  );
}
