import type { Session, User } from '$lib/server/db';

declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
		}
		interface Locals {
			user: User | null;
			/** Null when the request authenticated with an API token instead of a cookie. */
			session: Session | null;
			apiTokenId: string | null;
		}
	}
}

export {};
