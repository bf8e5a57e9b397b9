export * from './phrasing';
export * from './minimum';
export * from './naming';
