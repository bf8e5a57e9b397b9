export * from './phrasing';
