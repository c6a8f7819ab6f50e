// Types for emulator.mjs, so TypeScript tests can start the emulator
// (tsconfig has allowJs off, so the JSDoc in the .mjs is not read).

export interface EmulatorExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4566 */
  url: string;
  /** The port it listens on (the real one when started with port 0). */
  port: number;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** Settles when the process ends, for whatever reason. */
  exited: Promise<EmulatorExit>;
  /** Its last lines of stderr, for error messages. */
  stderrTail(): string;
}

/** Port 0 lets the emulator pick a free port. Installs the emulator on first use. */
export function startEmulator(options: {
  host?: string;
  port: number;
  stateDir: string;
  log?: (line: string) => void;
}): Promise<RunningEmulator>;

/** A port that was free a moment ago. */
export function freePort(host?: string): Promise<number>;
