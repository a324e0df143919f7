export type * from './model.js';
export { SEVERITIES } from './model.js';
