export { default as Field } from './field.svelte';
export { default as Label } from './label.svelte';
export { default as TextField } from './text-field.svelte';
