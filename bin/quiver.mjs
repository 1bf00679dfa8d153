#!/usr/bin/env node
// The `quiver` command. The CLI is TypeScript; tsx's ESM API loads it without a build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../server/cli.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
