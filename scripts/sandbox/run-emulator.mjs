// `npm run sandbox:emulator`: just the AWS emulator, in the foreground, on the same
// port and state as `npm run dev` uses (for poking at it with the AWS CLI or tests).
import { sandboxConfig } from "./env.mjs";
import { startEmulator } from "./emulator.mjs";

const config = sandboxConfig();
try {
  const emulator = await startEmulator({ port: config.emulatorPort, stateDir: config.stateDir });
  console.log(`AWS emulator on ${emulator.url}, state in ${config.stateDir}. Ctrl-C stops it.`);
  console.log(`  Use it with: AWS_ENDPOINT_URL=${emulator.url} AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void emulator.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const { code, signal } = await emulator.exited;
  if (!stopping) {
    console.error(`The AWS emulator stopped unexpectedly (${signal ?? `exit code ${code}`}).\n${emulator.stderrTail()}`);
    process.exit(1);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
