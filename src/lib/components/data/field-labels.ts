import { m } from '$lib/paraglide/messages';

/** The label of an import field (the names of imports/mapping FIELDS), in the UI's language. */
const labels: Record<string, () => string> = {
	name: m.data_field_name,
	email: m.data_field_email,
	gender: m.data_field_gender,
	postcode: m.data_field_postcode,
	city: m.data_field_city,
	optIn: m.data_field_optIn,
	birthDate: m.data_field_birthDate,
	interests: m.data_field_interests,
	preferences: m.data_field_preferences,
	education: m.data_field_education,
	occupation: m.data_field_occupation,
	incomeBand: m.data_field_incomeBand,
	householdSize: m.data_field_householdSize,
	childrenCount: m.data_field_childrenCount,
	loyaltyMember: m.data_field_loyaltyMember,
	acquiredAt: m.data_field_acquiredAt,
	acquisitionChannel: m.data_field_acquisitionChannel,
	acquisitionCost: m.data_field_acquisitionCost,
	customerId: m.data_field_customerId,
	quantity: m.data_field_quantity,
	product: m.data_field_product,
	category: m.data_field_category,
	channel: m.data_field_channel,
	margin: m.data_field_margin,
	properties: m.data_field_properties,
	eventType: m.data_field_eventType,
	comment: m.data_field_comment
};

export const fieldLabel = (field: string): string => labels[field]?.() ?? field;
