export interface Toast {
	id: number;
	text: string;
	tone: 'success' | 'error';
}

/** Short-lived status messages, announced politely to screen readers by <Toaster>. */
class Toasts {
	#items = $state<Toast[]>([]);
	#nextId = 1;

	get items(): Toast[] {
		return this.#items;
	}

	show(text: string, tone: Toast['tone'] = 'success', durationMs = 4000): void {
		const id = this.#nextId++;
		this.#items = [...this.#items, { id, text, tone }];
		setTimeout(() => this.dismiss(id), durationMs);
	}

	dismiss(id: number): void {
		this.#items = this.#items.filter((toast) => toast.id !== id);
	}
}

export const toasts = new Toasts();
