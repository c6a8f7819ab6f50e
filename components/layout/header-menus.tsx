"use client";

import { Menu, MenuItem } from "@/components/ui/menu";
import { PersonIcon } from "@/components/layout/app-mark";
import { ThemeMenu } from "@/components/layout/theme-menu";

/**
 * The header's menus (theme, account). React Aria's menu machinery is loaded
 * after the page (next/dynamic in the shell), behind a same-sized placeholder.
 */
export function HeaderMenus({ email, isOperator, onSignOut }: { email: string; isOperator: boolean; onSignOut: () => void }) {
  return (
    <>
      <ThemeMenu />
      <Menu
        label={`Account of ${email}`}
        variant="ghost"
        trigger={
          <span className="flex min-w-0 items-center gap-1.5">
            <PersonIcon />
            <span data-testid="signed-in-as" className="hidden max-w-48 truncate xl:inline">
              {email}
              {isOperator ? <span className="sr-only"> (operator)</span> : null}
            </span>
          </span>
        }
        onAction={(key) => {
          if (key === "sign-out") onSignOut();
        }}
      >
        <MenuItem id="sign-out" textValue="Sign out">Sign out</MenuItem>
      </Menu>
    </>
  );
}
