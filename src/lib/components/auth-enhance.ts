import type { SubmitFunction } from '@sveltejs/kit';

/**
 * After logging in or signing up the language may change (the account's saved language wins)
 * and the header changes: a redirect becomes a full page load, not a client navigation.
 */
export const enhanceWithFullLoad: SubmitFunction = () => async ({ result, update }) => {
	if (result.type === 'redirect') {
		window.location.assign(result.location);
		return;
	}
	await update({ reset: false });
};
