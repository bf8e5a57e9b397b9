/**
 * What a new user imports to try Waymark: 30 customers and 120 purchases spread evenly over 2025
 * (a CSV with customer_id, date, amount). Far too few repeat buyers for BG/NBD and Gamma-Gamma.
 */
export function tinyShopCsv(): string {
	const rows = ['customer_id,date,amount'];
	for (let i = 0; i < 120; i++) {
		const customer = i < 30 ? i : (i * 7) % 30;
		const day = new Date(Date.UTC(2025, 0, 1) + ((i * 97) % 365) * 86_400_000).toISOString().slice(0, 10);
		rows.push(`c${customer},${day},${20 + ((i * 37) % 100)}`);
	}
	return rows.join('\n');
}
