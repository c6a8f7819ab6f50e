/** The shape of a CLI command, in its own module so command files do not import each other. */
export type CommandResult = { text: string; data: unknown; exitCode?: number };
export type Command = { name: string; help: string; run: (args: string[]) => Promise<CommandResult> };
