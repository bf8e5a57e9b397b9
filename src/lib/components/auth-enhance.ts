import type { SubmitFunction } from '@sveltejs/kit';

/**
 * After logging in or signing up the language may change (the account's saved language wins)
 * and the header changes: a redirect becomes a full page load, not a client navigation.
 */
export const enhanceWithFullLoad: SubmitFunction = ({ formElement }) => async ({ result, update }) => {
	if (result.type === 'redirect') {
		window.location.assign(result.location);
		return;
	}
	// Typed values stay for correcting them, but a password is typed again, as without JavaScript.
	for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
		input.value = '';
	}
	await update({ reset: false });
};
