export { default as ActionButton } from './action-button.svelte';
