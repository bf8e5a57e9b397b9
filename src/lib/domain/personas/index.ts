export * from './phrasing';
export * from './minimum';
