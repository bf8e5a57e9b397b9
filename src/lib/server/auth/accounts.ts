import { config } from '../config';
import * as db from '../db';
import { AppError, conflict, rateLimited, validationFailed } from '../errors';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password';
import { RateLimiter } from './rate-limit';
import { databaseHitStore } from './rate-limit-store';
import { revokeOtherSessions } from './session';
import type { LoginInput, SignupInput } from '$lib/schemas';

const { rateLimits } = config;
const loginFailuresByIp = new RateLimiter(
	rateLimits.loginPerIp,
	rateLimits.loginWindowSeconds * 1000,
	databaseHitStore('login-ip')
);
const loginFailuresByAccount = new RateLimiter(
	rateLimits.loginPerAccount,
	rateLimits.loginWindowSeconds * 1000,
	databaseHitStore('login-account')
);
const signupsByIp = new RateLimiter(
	rateLimits.signupPerIp,
	rateLimits.signupWindowSeconds * 1000,
	databaseHitStore('signup-ip')
);

export async function signUp(input: SignupInput, ip: string): Promise<db.User> {
	const wait = signupsByIp.retryAfter(ip);
	if (wait) throw rateLimited(wait);
	signupsByIp.hit(ip);
	if (db.findUserByEmail(input.email)) {
		throw conflict('An account with this e-mail address already exists', { email: 'error_email_taken' });
	}
	const passwordHash = await hashPassword(input.password);
	try {
		return db.insertUser({ email: input.email, name: input.name, passwordHash });
	} catch (error) {
		// Two sign-ups for one address at once: the unique index decides.
		if (String(error).includes('UNIQUE')) {
			throw conflict('An account with this e-mail address already exists', { email: 'error_email_taken' });
		}
		throw error;
	}
}

const invalidCredentials = () =>
	new AppError(401, 'unauthenticated', 'E-mail address or password is incorrect', {
		_: 'error_invalid_credentials'
	});

/**
 * Checks credentials. Failures count per IP and per account; the answer is the same whether
 * the address is unknown or the password wrong, and takes the same time.
 */
export async function logIn(input: LoginInput, ip: string): Promise<db.User> {
	const wait = Math.max(loginFailuresByIp.retryAfter(ip), loginFailuresByAccount.retryAfter(input.email));
	if (wait) throw rateLimited(wait);
	const user = db.findUserByEmail(input.email);
	const valid = user
		? await verifyPassword(user.passwordHash, input.password)
		: (await burnPasswordCheck(input.password), false);
	if (!user || !valid) {
		loginFailuresByIp.hit(ip);
		loginFailuresByAccount.hit(input.email);
		throw invalidCredentials();
	}
	loginFailuresByAccount.reset(input.email);
	return user;
}

export async function changePassword(
	user: db.User,
	currentSessionId: string | null,
	currentPassword: string,
	newPassword: string
): Promise<void> {
	if (!(await verifyPassword(user.passwordHash, currentPassword))) {
		throw validationFailed({ currentPassword: 'error_password_wrong' });
	}
	db.updateUser(user.id, { passwordHash: await hashPassword(newPassword) });
	// A changed password should lock out whoever else might hold a session.
	revokeOtherSessions(user.id, currentSessionId ?? '');
}

export function updateProfile(
	user: db.User,
	changes: { name?: string; locale?: 'en' | 'nl' | null }
): db.User {
	const updates = {
		...(changes.name !== undefined ? { name: changes.name } : {}),
		...(changes.locale !== undefined ? { locale: changes.locale } : {})
	};
	if (Object.keys(updates).length) db.updateUser(user.id, updates);
	return db.findUserById(user.id)!;
}
