export { default as DialogContent } from './dialog-content.svelte';
export { default as ConfirmDialog } from './confirm-dialog.svelte';
export { Dialog as DialogPrimitive } from 'bits-ui';
