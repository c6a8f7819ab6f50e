// Types for env.mjs, for TypeScript callers (e2e global setup).
export const repoRoot: string;

export interface SandboxConfig {
  emulatorPort: number;
  stateDir: string;
  consolePort: number;
  operatorEmail: string;
  operatorPassword: string;
}

export function sandboxConfig(env?: NodeJS.ProcessEnv): SandboxConfig;

export function sandboxProcessEnv(sandbox: { emulatorUrl: string; stateDir: string }, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv & {
  TT_SANDBOX_OPERATOR_EMAIL: string;
  TT_SANDBOX_OPERATOR_PASSWORD: string;
};
