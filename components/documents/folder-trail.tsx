"use client";

/** Where a folder browse is (a breadcrumb of buttons) and the subfolders found there. */
export function FolderTrail({ folder, folders, onOpen }: { folder: string; folders: string[] | undefined; onOpen: (folder: string) => void }) {
  const parts = folder ? folder.split("/") : [];
  const crumb = "rounded px-1.5 py-0.5 text-blue-700 underline-offset-2 hover:underline dark:text-blue-300";
  return (
    <div className="mb-4 flex flex-col gap-2">
      <nav aria-label="Folder" className="flex flex-wrap items-center gap-1 text-sm">
        <button type="button" className={crumb} onClick={() => onOpen("")} aria-current={parts.length === 0 ? "location" : undefined}>All folders</button>
        {parts.map((part, i) => (
          <span key={i} className="flex items-center gap-1">
            <span aria-hidden>/</span>
            <button type="button" className={crumb} onClick={() => onOpen(parts.slice(0, i + 1).join("/"))} aria-current={i === parts.length - 1 ? "location" : undefined}>
              {part}
            </button>
          </span>
        ))}
      </nav>
      {folders && folders.length ? (
        <ul aria-label="Subfolders" className="flex flex-wrap gap-2">
          {folders.map((f) => (
            <li key={f}>
              <button type="button" onClick={() => onOpen(f)} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
                <span aria-hidden>📁 </span>{f.split("/").at(-1)}
              </button>
            </li>
          ))}
        </ul>
      ) : folders ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No subfolders here.</p>
      ) : null}
    </div>
  );
}
