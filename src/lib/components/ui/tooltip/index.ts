export { default as InfoTip } from './info-tip.svelte';
