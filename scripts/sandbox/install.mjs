// `npm run sandbox:install`: create or update the emulator's virtualenv now
// (npm run dev and the tests also do it on first use).
import { ensureVenv } from "./venv.mjs";

try {
  const python = await ensureVenv();
  console.log(`AWS emulator ready in ${python}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
