export * from './access';
export * from './accounts';
export * from './api-tokens';
export * from './session';
export { hashPassword, verifyPassword } from './password';
export { isCrossOriginWrite } from './request-origin';
