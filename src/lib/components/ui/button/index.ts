export { default as Button, type ButtonVariant, type ButtonSize } from './button.svelte';
