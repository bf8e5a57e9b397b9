/** The options of a "which customers" picker: all, each group, and each persona of a group (`group:<id>` / `persona:<id>`). */
export function cutOptions(
	groups: readonly { id: string; name: string; personas: readonly { id: string; name: string }[] }[],
	allLabel: string
): { value: string; label: string }[] {
	return [
		{ value: '', label: allLabel },
		...groups.flatMap((g) => [{ value: `group:${g.id}`, label: g.name }, ...g.personas.map((p) => ({ value: `persona:${p.id}`, label: `${g.name} · ${p.name}` }))])
	];
}
