/*
 * Customer-data files, the parts the server's import and the browser's preview share: which
 * fields each kind of file has, how columns map onto them, how cells read, and what is said
 * about a cell that does not.
 */
export * from './kinds';
export * from './event-types';
export * from './fields';
export * from './data-categories';
export * from './future-dated';
export * from './messages';
export * from './preview';
export * from './under-way';
export * from './validate';
export * from './values';
