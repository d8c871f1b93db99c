// The whole run gets a temp folder of its own (TMPDIR, inherited by the test workers and the processes they
// start), so what a test forgets to remove is seen here rather than piling up in the machine's temp folder.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), "estimate-memory-test-run-"));
  process.env.TMPDIR = dir;
  return () => {
    const left = readdirSync(dir);
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (left.length > 0) throw new Error(`tests left ${left.length} entries in the temp folder: ${left.slice(0, 20).join(", ")}`);
  };
}
