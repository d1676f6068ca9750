// Entry of the bundled suggestions bench (suggestions-as-shipped.ts): the
// rows as one JSON line on stdout.
import { runSuggestionsBench } from "./suggestions.ts";

const n = Number(process.argv[2] ?? 100_000);
process.stdout.write(`${JSON.stringify(await runSuggestionsBench(n))}\n`);
