// What `import { z } from 'zod'` finds in a Lambda bundle: zod's own index.js, over classic.js (no locales).
import * as z from './classic.js';
export * from './classic.js';
export { z, z as default };
