export function DiffLines({ lines, label }: { lines: string[]; label: string }) {
  if (!lines.length) return null;
  return (
    // Focusable: it scrolls sideways, and keyboard users must be able to scroll it.
    <pre tabIndex={0} aria-label={label} className="overflow-x-auto rounded bg-slate-900 p-3 text-xs leading-relaxed text-slate-100 dark:bg-black">
      {lines.map((line, i) => (
        <div key={i} className={line.startsWith("+ ") ? "text-green-300" : line.startsWith("- ") ? "text-red-300" : ""}>
          {line}
        </div>
      ))}
    </pre>
  );
}
