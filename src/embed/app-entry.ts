/** Entry of the lazily loaded application chunk: what the loader imports on intent. */
export { parseAppOptions } from './config';
export { mountApp } from './mount';
