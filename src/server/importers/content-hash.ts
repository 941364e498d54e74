import { hash } from 'node:crypto';

/** Bump when importers or mappings change meaning, so that unchanged source rows are re-written once. */
export const IMPORT_LOGIC_VERSION = 2;

/**
 * The content hash stored per location for change detection: of the raw source text when the importer has it
 * (cheaper than serialising the normalised record), else of the record; the logic version is part of it.
 */
export const contentHash = (content: string) => hash('sha1', `${IMPORT_LOGIC_VERSION}\u001e${content}`, 'base64');
