/**
 * `npm run tt -- <command>`: the console's services for automation.
 * Runs with the react-server condition so `server-only` modules load.
 */
import { AppError } from "@/lib/http/errors";
import { commands, usage } from "./cli/commands";

async function main(argv: string[]): Promise<number> {
  const json = argv.includes("--json");
  const args = argv.filter((a) => a !== "--json");
  const key = `${args[0] ?? ""} ${args[1] ?? ""}`.trim();
  const command = commands.find((c) => c.name === key) ?? commands.find((c) => c.name === args[0]);
  if (!command || args.includes("--help") || args.includes("-h")) {
    process.stdout.write(usage());
    return command || args.length === 0 || args.includes("--help") ? 0 : 2;
  }
  const rest = args.slice(command.name.split(" ").length);
  try {
    const result = await command.run(rest);
    if (json) process.stdout.write(`${JSON.stringify(result.data, null, 2)}\n`);
    else process.stdout.write(`${result.text}\n`);
    return result.exitCode ?? 0;
  } catch (err) {
    const message = err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err);
    const fields = err instanceof AppError && err.fieldErrors ? err.fieldErrors : undefined;
    if (json) process.stdout.write(`${JSON.stringify({ error: { message, ...(fields ? { fieldErrors: fields } : {}) } }, null, 2)}\n`);
    else process.stderr.write(`error: ${message}\n`);
    return err instanceof AppError && err.status < 500 ? 2 : 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
