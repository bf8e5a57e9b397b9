/** An append-only list of doubles in a typed array that doubles when full: no boxed numbers per converter. */
export class FloatList {
	private values: Float64Array;
	length = 0;

	constructor(capacity = 64) {
		this.values = new Float64Array(Math.max(1, capacity));
	}

	push(value: number): void {
		if (this.length === this.values.length) {
			const grown = new Float64Array(this.values.length * 2);
			grown.set(this.values);
			this.values = grown;
		}
		this.values[this.length++] = value;
	}

	/** A copy of the used part, free for the caller to reorder. */
	copy(): Float64Array {
		return this.values.slice(0, this.length);
	}
}
