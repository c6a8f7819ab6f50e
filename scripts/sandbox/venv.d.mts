// Types for venv.mjs, for TypeScript tests (tsconfig has allowJs off).

export const venvDir: string;
export const venvBin: string;
/** Installs the pinned emulator venv if it is missing or outdated; resolves to its python executable. */
export function ensureVenv(options?: { log?: (line: string) => void }): Promise<string>;
