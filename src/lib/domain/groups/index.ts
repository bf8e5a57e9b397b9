export * from './fields';
export * from './rule';
export * from './presets';
