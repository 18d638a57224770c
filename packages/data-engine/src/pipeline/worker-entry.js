// Entry of a pipeline worker thread: registers tsx's require hook, so that the TypeScript worker
// module (and the workspace packages it imports, which are TypeScript sources) load without a
// build step, under tsx and under jest alike.
require('tsx/cjs');
require('./worker-main.ts');
