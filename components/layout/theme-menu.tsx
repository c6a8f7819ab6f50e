"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { Menu, MenuItem } from "@/components/ui/menu";

const THEMES = [
  { id: "light", label: "Light" },
  { id: "dark", label: "Dark" },
  { id: "system", label: "System" },
] as const;

const noop = () => () => {};

/** Light, dark or the system's setting; next-themes keeps the choice in localStorage. */
export function ThemeMenu() {
  const { theme, resolvedTheme, setTheme } = useTheme();
  // The stored choice is known only in the browser; render "system" on the server.
  const mounted = useSyncExternalStore(noop, () => true, () => false);
  const current = mounted ? (theme ?? "system") : "system";
  const dark = mounted && resolvedTheme === "dark";
  return (
    <Menu
      label={`Theme: ${current}`}
      variant="ghost"
      trigger={
        <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          {dark ? (
            <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
          ) : (
            <>
              <circle cx="12" cy="12" r="4" />
              <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
            </>
          )}
        </svg>
      }
      selectedKeys={[current]}
      onSelectionChange={(keys) => {
        if (keys === "all") return;
        const [next] = [...keys];
        if (typeof next === "string") setTheme(next);
      }}
    >
      {THEMES.map((t) => (
        <MenuItem key={t.id} id={t.id}>
          {t.label}
        </MenuItem>
      ))}
    </Menu>
  );
}
