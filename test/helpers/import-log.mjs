// `node --import ./test/helpers/import-log.mjs …`: appends every ES module URL the process loads to the file
// named by IMPORT_LOG, one a line (tests check which architecture chunks a command loads).
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (process.env.IMPORT_LOG) appendFileSync(process.env.IMPORT_LOG, url + "\\n");
  return next(url, context);
}`)}`,
  import.meta.url,
);
