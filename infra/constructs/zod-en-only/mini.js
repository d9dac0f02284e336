// What `import * as z from 'zod/mini'` finds in a Lambda bundle (functions/config.ts): zod's own mini API. The
// `zod` alias of infra/constructs/bundling.ts points at this folder, so every subpath a function imports needs
// its file here. Mini is tree-shaken by its callers' property reads, so its `locales` namespace costs nothing.
export * from '../../../node_modules/zod/v4/mini/index.js';
