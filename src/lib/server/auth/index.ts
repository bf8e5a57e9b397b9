export * from './access';
export * from './accounts';
export * from './api-tokens';
export * from './session';
export { hashPassword } from './password';
export { isCrossOriginWrite } from './request-origin';
