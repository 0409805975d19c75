/** Entry of the lazily loaded application chunk: what the loader imports on intent. */
export { mountApp } from './mount';
