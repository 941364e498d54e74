// Worker threads do not inherit tsx's loader; this plain-JS entry loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
