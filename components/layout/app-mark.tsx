/** The console's mark: a water tower (the same drawing as app/icon.svg). */
export function AppMark({ className = "" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 32 32" className={className}>
      <rect width="32" height="32" rx="7" fill="#1d4ed8" />
      <path d="M9 9.5C9 7.6 12.1 6 16 6s7 1.6 7 3.5v6c0 1.9-3.1 3.5-7 3.5s-7-1.6-7-3.5z" fill="#fff" />
      <path d="M11 18.5 9.5 26M21 18.5 22.5 26M16 19v7M11.6 22.5h8.8" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" fill="none" />
    </svg>
  );
}

export function PersonIcon() {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21a8 8 0 0 1 16 0" />
    </svg>
  );
}
