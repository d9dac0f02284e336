// What `import { en } from 'zod/locales'` finds in a Lambda bundle: English alone, the one locale any function sets.
export { default as en } from '../../../node_modules/zod/v4/locales/en.js';
