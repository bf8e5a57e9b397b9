/**
 * npm run bench:import:phases — where an import's time goes, phase by phase, in this process
 * against a temporary database file (no server, no upload). Streaming passes over the file each
 * add a phase to an earlier one — read + parse; validate + convert and staging row + hash the
 * general way (validateRow, stagedRow) or the fast way (fast-rows.ts, as imports run); stage
 * inserts — so a phase costs the difference; holding a million parsed rows in memory instead
 * would time the garbage collector. Then prepareMove + the move of the last pass's stage, and
 * one whole runImport as the import worker runs it. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, useDb, type Db } from '../src/lib/server/db/connection';
import { commitStage, createStage, insertImport, type Stage } from '../src/lib/server/db/customer-data';
import { insertUser } from '../src/lib/server/db/users';
import { insertWorkspace } from '../src/lib/server/db/workspaces';
import { resolveMapping, validateRow, type ResolvedMapping } from '../src/lib/domain/customer-data';
import { compileFastRow } from '../src/lib/server/imports/fast-rows';
import { stagedRow } from '../src/lib/server/imports/load';
import { readRowBatches } from '../src/lib/server/imports/rows';
import { runImport } from '../src/lib/server/imports/run';
import { generateTransactions } from './transactions-file';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'waymark-bench-phases-'));
const file = join(dir, 'transactions.csv');
await generateTransactions(file, ROWS);

let db: Db | undefined;
let ids = 0;
function freshDatabase(): { workspaceId: string; importId: string } {
	db?.$client.close();
	db = openDatabase(join(dir, `waymark-${++ids}.db`));
	// As the import worker's connection (import.worker.ts).
	db.$client.pragma(`temp.cache_size = ${-16 * 1024}`);
	useDb(db);
	const user = insertUser({ email: `bench${ids}@example.test`, name: 'Bench', passwordHash: 'x' });
	const workspaceId = insertWorkspace('Phases', user.id).id;
	const importId = `phases${ids}`;
	insertImport({ id: importId, workspaceId, kind: 'transactions', fileName: 'transactions.csv', bytes: statSync(file).size, createdBy: user.id });
	return { workspaceId, importId };
}

/** Name, wall-clock ms, CPU ms (this process, all threads: a busy machine slows the first, less the second). */
type Figure = { name: string; ms: number; cpu: number | null };
async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T; ms: number; cpu: number }> {
	const started = performance.now();
	const cpu = process.cpuUsage();
	const result = await work();
	const used = process.cpuUsage(cpu);
	return { result, ms: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

type Phases = 'parse' | 'validate' | 'stagedRow' | 'fast' | 'stage';

/** One streaming pass through `upTo` (the general path, or the fast one); the stage when it staged. */
async function pass(upTo: Phases, target: { importId: string }): Promise<{ stage: Stage | null; mapping: ResolvedMapping }> {
	let mapping: ResolvedMapping | null = null;
	let fast: ReturnType<typeof compileFastRow> = null;
	const stage = upTo === 'stage' ? createStage(target.importId, 'transactions') : null;
	const general = upTo === 'validate' || upTo === 'stagedRow';
	let rowNumber = 0;
	let unflushed = 0;
	for await (const batch of readRowBatches(file, 'utf-8', ';', { bytesRead: 0 })) {
		if (upTo === 'parse') continue;
		for (const cells of batch) {
			rowNumber++;
			if (!mapping) {
				const resolved = resolveMapping('transactions', cells, cells.length, {});
				if ('problems' in resolved) throw new Error('the bench file does not map');
				mapping = resolved.mapping;
				fast = compileFastRow('transactions', mapping);
				continue;
			}
			if (cells.length === 1 && cells[0] === '') continue;
			if (general) {
				const result = validateRow('transactions', cells, mapping, rowNumber);
				if ('errors' in result) throw new Error(`row ${rowNumber}: ${result.errors[0]!.message}`);
				if (upTo === 'stagedRow') stagedRow('transactions', result.record);
				continue;
			}
			const row = fast!(cells);
			if (!row) throw new Error(`row ${rowNumber} is not plainly valid`);
			if (!stage) continue;
			stage.add(row.values, row.contentHash);
			if (++unflushed >= 5000) {
				stage.flush();
				unflushed = 0;
			}
		}
	}
	stage?.flush();
	return { stage, mapping: mapping! };
}

const figures: Figure[] = [];
const target = freshDatabase();
const passes: Partial<Record<Phases, Awaited<ReturnType<typeof timed<Awaited<ReturnType<typeof pass>>>>>>> = {};
for (const upTo of ['parse', 'validate', 'stagedRow', 'fast', 'stage'] as const) passes[upTo] = await timed(() => pass(upTo, target));
const phase = (name: string, upTo: Phases, after: Phases | null) =>
	figures.push({
		name,
		ms: passes[upTo]!.ms - (after ? passes[after]!.ms : 0),
		cpu: passes[upTo]!.cpu - (after ? passes[after]!.cpu : 0)
	});
phase('read + parse', 'parse', null);
phase('validate + convert (general)', 'validate', 'parse');
phase('staging row + hash (general)', 'stagedRow', 'validate');
phase('fast row: all of it + hash', 'fast', 'parse');
phase('stage inserts', 'stage', 'fast');
const last = passes.stage!.result;
const commit = await timed(() =>
	commitStage(last.stage!, { workspaceId: target.workspaceId, mappedFields: Object.keys(last.mapping.columns), rowsTotal: ROWS, errors: [] })
);
figures.push({ name: 'prepareMove (sort)', ms: commit.result.prepareMs, cpu: null });
figures.push({ name: `the move: ${commit.result.chunks} locks`, ms: commit.result.lockedMs, cpu: null });
figures.push({ name: '  pauses between them', ms: commit.ms - commit.result.prepareMs - commit.result.lockedMs, cpu: null });
figures.push({ name: '  prepareMove + move', ms: commit.ms, cpu: commit.cpu });

const whole = freshDatabase();
const end = await timed(() =>
	runImport(
		{
			id: whole.importId, workspaceId: whole.workspaceId, kind: 'transactions', path: file, file: 'text', sheet: null,
			encoding: 'utf-8', separator: ';', header: true, mapping: {}, skipInvalid: false, bytes: statSync(file).size
		},
		{ cancelled: () => false, progress: () => {} }
	)
);
if (end.result.status !== 'done') throw new Error(`the import ended ${end.result.status}: ${JSON.stringify(end.result)}`);
figures.push({ name: 'whole runImport', ms: end.ms, cpu: end.cpu });

console.log(`${ROWS.toLocaleString('en')} rows, ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB; imported ${end.result.imported.toLocaleString('en')}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;
console.log(`${'phase'.padEnd(30)} ${'wall'.padStart(8)} ${'rows/s'.padStart(11)} ${'cpu'.padStart(8)}`);
for (const { name, ms, cpu } of figures) {
	console.log(`${name.padEnd(30)} ${seconds(ms)} ${Math.round(ROWS / (ms / 1000)).toLocaleString('en').padStart(11)} ${cpu === null ? '' : seconds(cpu)}`);
}
db!.$client.close();
rmSync(dir, { recursive: true, force: true });
