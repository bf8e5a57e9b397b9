/** The generated transactions file of bench:import and bench:import:phases: the same file every run. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const CUSTOMERS = 50_000;
const CATEGORIES = ['Boeken', 'Muziek', 'Films', 'Games', 'Elektronica', 'Tuin', 'Speelgoed'];
const CHANNELS = ['webshop', 'app', 'winkel', 'telefoon'];

/** A deterministic generator (LCG), so every run imports the same file. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** `rows` transactions, `;`-separated with Dutch dates (dd-mm-yyyy) and decimal commas. */
export async function generateTransactions(path: string, rows: number): Promise<void> {
	const next = random(42);
	const out = createWriteStream(path);
	const start = Date.UTC(2023, 0, 1);
	out.write('klantnummer;datum;bedrag;aantal;categorie;kanaal\n');
	let chunk = '';
	for (let i = 0; i < rows; i++) {
		const day = new Date(start + Math.floor(next() * 730) * 86_400_000);
		const date = `${String(day.getUTCDate()).padStart(2, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${day.getUTCFullYear()}`;
		const amount = (next() * 300 + 1).toFixed(2).replace('.', ',');
		chunk += `K${Math.floor(next() * CUSTOMERS)};${date};${amount};${1 + Math.floor(next() * 4)};${CATEGORIES[Math.floor(next() * CATEGORIES.length)]};${CHANNELS[Math.floor(next() * CHANNELS.length)]}\n`;
		if (chunk.length > 1 << 20) {
			if (!out.write(chunk)) await once(out, 'drain');
			chunk = '';
		}
	}
	out.end(chunk);
	await once(out, 'finish');
}
