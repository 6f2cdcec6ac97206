/** Registers every civic-* element (the "all" entry). Each import below has the side effect of defining one tag. */
export * from './index.js';
