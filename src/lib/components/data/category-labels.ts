import { m } from '$lib/paraglide/messages';
import type { CustomerDataCategory } from '$lib/domain/customer-data';

/** The name of a kind of customer data, in the UI's language (basisgegevens, profielgegevens, …). */
const labels: Record<CustomerDataCategory, () => string> = {
	basic: m.data_category_basic,
	profile: m.data_category_profile,
	behavioural: m.data_category_behavioural,
	usage: m.data_category_usage
};

export const categoryLabel = (category: CustomerDataCategory): string => labels[category]();
