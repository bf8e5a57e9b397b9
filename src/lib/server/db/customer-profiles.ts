import { published } from './published';
import { readOffLoop } from './off-loop-read';

/** The profile fields (and how the customer came in) that drop-off drivers compare, by their columns. */
export const DRIVER_PROFILE_COLUMNS = {
	gender: 'gender',
	incomeBand: 'income_band',
	education: 'education',
	occupation: 'occupation',
	loyaltyMember: 'loyalty_member',
	householdSize: 'household_size',
	childrenCount: 'children_count',
	acquisitionChannel: 'acquisition_channel'
} as const;

export type DriverProfileField = keyof typeof DRIVER_PROFILE_COLUMNS;

export interface CustomerProfiles {
	/** Internal customer ids, ascending; `values` of each field are in this order. */
	ids: number[];
	fields: { field: DriverProfileField; values: (string | null)[] }[];
}

/**
 * Every customer's profile fields as text columns (null = unknown), read in one transaction off
 * the server's thread: 200,000 customers as rows would cost the main thread their objects.
 */
export async function customerProfilesOffLoop(workspaceId: string): Promise<CustomerProfiles> {
	const from = `from customers c where c.workspace_id = ? and ${published('customers', 'c')} order by c.id`;
	const fields = Object.keys(DRIVER_PROFILE_COLUMNS) as DriverProfileField[];
	const [ids, ...columns] = await readOffLoop([
		{ sql: `select c.id ${from}`, params: [workspaceId], shape: 'pluck' },
		...fields.map((field) => ({ sql: `select cast(c.${DRIVER_PROFILE_COLUMNS[field]} as text) ${from}`, params: [workspaceId], shape: 'pluck' as const }))
	]);
	return { ids: ids as number[], fields: fields.map((field, k) => ({ field, values: columns[k] as (string | null)[] })) };
}
