export function startSampleApp(options?: { port?: number; host?: string; log?: (line: string) => void }): Promise<{ url: string; stop: () => Promise<void> }>;
