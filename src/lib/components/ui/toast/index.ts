export { default as Toaster } from './toaster.svelte';
export { default as StatusMessage } from './status-message.svelte';
export { toasts } from './toasts.svelte';
