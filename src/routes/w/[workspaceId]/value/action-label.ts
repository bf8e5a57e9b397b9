import { m } from '$lib/paraglide/messages';

/** The value matrix's actions in words; `unknown`/null: no basis for the potential. */
export const actionLabel = (action: 'keep' | 'develop' | 'loss-making' | 'unknown' | null): string =>
	action === 'keep'
		? m.value_action_keep()
		: action === 'develop'
			? m.value_action_develop()
			: action === 'loss-making'
				? m.value_action_loss()
				: m.value_action_unknown();
