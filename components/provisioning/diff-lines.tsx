export function DiffLines({ lines, label }: { lines: string[]; label: string }) {
  if (!lines.length) return null;
  return (
    <pre aria-label={label} className="overflow-x-auto rounded bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">
      {lines.map((line, i) => (
        <div key={i} className={line.startsWith("+ ") ? "text-green-300" : line.startsWith("- ") ? "text-red-300" : ""}>
          {line}
        </div>
      ))}
    </pre>
  );
}
