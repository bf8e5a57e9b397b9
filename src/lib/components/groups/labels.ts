import {
	FIELD_SECTIONS,
	GROUP_BASES,
	GROUP_FIELD_IDS,
	GROUP_FIELDS,
	operatorsFor,
	type GroupBasis,
	type GroupField,
	type Operator
} from '$lib/domain/groups';
import { translate } from '$lib/components/i18n';

/** Words for the rule builder and group pages, in the current language. */

export const fieldLabel = (field: GroupField) => translate(`group_field_${field}`);
export const operatorLabel = (op: Operator) => translate(`group_op_${op}`);
export const basisLabel = (basis: GroupBasis) => translate(`group_basis_${basis}`);

export const basisOptions = () => GROUP_BASES.map((basis) => ({ value: basis, label: basisLabel(basis) }));

/** Every field, listed under the segmentation basis it belongs to. */
export const fieldOptions = () =>
	FIELD_SECTIONS.flatMap((section) =>
		GROUP_FIELD_IDS.filter((field) => GROUP_FIELDS[field].section === section).map((field) => ({
			value: field,
			label: fieldLabel(field),
			group: translate(`group_section_${section}`)
		}))
	);

export const operatorOptions = (field: GroupField) =>
	operatorsFor(field).map((op) => ({ value: op, label: operatorLabel(op) }));
