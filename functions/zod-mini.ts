import { config } from 'zod/mini';
import { en } from 'zod/locales';

/*
 * zod's mini API, for the code that a function without classic zod runs: configuration, secrets, the rates
 * file and the catalogue's queries. Classic zod is about 190 KB in a bundle and cannot be tree-shaken; mini
 * can. Mini's messages are all "Invalid input" until a locale is set, so English is set here, once: it is
 * the language of every message the API and the logs give.
 */
config(en());

// Callers `import * as z from` this module: a namespace import is what lets the bundler keep only what they use.
export * from 'zod/mini';
