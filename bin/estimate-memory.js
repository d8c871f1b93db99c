#!/usr/bin/env node
// With DEBUG=estimate-memory the CLI prints stacks: turn source maps on first (before dist/ loads, as Node applies
// them to modules loaded afterwards) so the stacks name TypeScript files and lines, not the minified bundle.
if ((process.env.DEBUG ?? "").split(",").some((d) => d.trim() === "estimate-memory" || d.trim() === "*")) {
  process.setSourceMapsEnabled(true);
}
await import("../dist/cli.js");
