/**
 * A run's author: the name when one is known, with the stored key (an email,
 * an entity id) as secondary text and title, so two people with one name are
 * told apart; the key alone otherwise. Rendered as text.
 */
export function RunAuthor({ author, authorName, wrap = false }: { author: string; authorName: string | null; wrap?: boolean }) {
  const line = wrap ? "block break-all" : "block truncate";
  if (!authorName) return <span className={line} title={author}>{author || "—"}</span>;
  return (
    <span className="block" title={`${authorName} (${author})`}>
      <span className={line}>{authorName}</span>
      <span className={`${line} text-xs text-slate-600 dark:text-slate-400`}>{author}</span>
    </span>
  );
}
