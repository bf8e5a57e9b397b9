export { default as ProgressBar } from './progress-bar.svelte';
