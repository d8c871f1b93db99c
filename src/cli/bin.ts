// The executable: wires the CLI to the process. Everything testable lives in main.ts.
import module from "node:module";
import { readFileSync } from "node:fs";

// Node ≥ 22.1 caches compiled code on disk (start-up is mostly parsing); older Node has no such switch. Enabled
// before main.js is imported, so that the CLI's own chunks are cached too.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const argv = process.argv.slice(2);
const write = (stream: NodeJS.WriteStream) => (text: string) => {
  stream.write(text);
};

if (argv.length === 1 && argv[0] === "--version") {
  // Answered from package.json without loading the CLI (start-up budget: 1.2 × a bare node). This file is
  // dist/cli.js once built, one level below the package root.
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import("./main.js");
  main(argv, {
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
}
