/**
 * Live figures for the what-ifs attached to opportunity cards. The board document keeps each
 * question and a snapshot of its figures; here the questions are asked again whenever the board's
 * figures were loaded anew (an import, another minute), so the badges follow the data. Nothing is
 * written back: the snapshot stays what it was when attached, the live answer only shows.
 */
import { askWhatIf, questionKey, type WhatIfAnswer, type WhatIfQuestion } from './what-if';

export class OpportunityEstimates {
	readonly boardId: string;
	#answers = $state.raw<Map<string, WhatIfAnswer | 'gone'>>(new Map());
	#key = '';
	#revision = -1;
	#generation = 0;

	constructor(boardId: string) {
		this.boardId = boardId;
	}

	/** The latest answer to a question; undefined until one came. */
	answer(question: WhatIfQuestion): WhatIfAnswer | 'gone' | undefined {
		return this.#answers.get(questionKey(question));
	}

	/** Call with the questions of the measured steps' opportunities and the figures' revision. */
	follow(questions: WhatIfQuestion[], revision: number) {
		const unique = new Map(questions.map((q) => [questionKey(q), q]));
		const key = JSON.stringify([...unique.keys()].sort());
		if (key === this.#key && revision === this.#revision) return;
		this.#key = key;
		this.#revision = revision;
		void this.#load([...unique.values()]);
	}

	async #load(questions: WhatIfQuestion[]) {
		const generation = ++this.#generation;
		const answers = new Map<string, WhatIfAnswer | 'gone'>();
		// One at a time: each is cheap on the server once the board's figures are cached.
		for (const question of questions) {
			const answer = await askWhatIf(this.boardId, question).catch(() => null);
			if (generation !== this.#generation) return;
			const previous = this.#answers.get(questionKey(question));
			if (answer) answers.set(questionKey(question), answer);
			else if (previous) answers.set(questionKey(question), previous);
		}
		this.#answers = answers;
	}

	destroy() {
		this.#generation++;
	}
}
