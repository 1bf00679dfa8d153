// Validates a folder of content files: `npx tsx scripts/check-content.ts content`.
import { formatProblem } from '../lib/schema/content-file';
import { readContentDir } from '../server/content-dir';

const dir = process.argv[2] ?? 'content';
const { items, problems, files } = await readContentDir(dir);
for (const p of problems) console.error(formatProblem(p));
console.log(`${files} files, ${items.length} valid items, ${problems.length} problems`);
process.exit(problems.length > 0 ? 1 : 0);
