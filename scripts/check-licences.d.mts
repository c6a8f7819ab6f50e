export function permissive(expression: string): boolean;
export function checkLock(lock: { packages?: Record<string, Record<string, unknown>> }): { shipped: number; problems: string[] };
