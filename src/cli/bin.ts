// The executable: wires the CLI to the process. Everything testable lives in main.ts.
import module from "node:module";

// Node ≥ 22.1 caches compiled code on disk (start-up is mostly parsing); older Node has no such switch. Enabled
// before main.js is imported, so that the CLI's own chunks are cached too.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { main } = await import("./main.js");

const write = (stream: NodeJS.WriteStream) => (text: string) => {
  stream.write(text);
};

main(process.argv.slice(2), {
  stdout: write(process.stdout),
  stderr: write(process.stderr),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
