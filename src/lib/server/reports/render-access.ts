import * as db from '../db';
import { redeemRenderToken } from './render-tokens';

/** The user (and the report's language) a render token lets in for this request, spending it; null otherwise. */
export function renderAccess(token: string, method: string, path: string): { user: db.User; locale: 'en' | 'nl' } | null {
	const granted = redeemRenderToken(token, method, path);
	const user = granted && db.findUserById(granted.userId);
	return user ? { user, locale: granted.locale } : null;
}
