import { PHOTO_ACCEPTED_TYPES, PHOTO_MAX_BYTES } from '$lib/domain/persona';

export type PhotoProblem = 'too_large' | 'unsupported' | 'unreadable' | 'failed';
export type PhotoUploadState =
	| { status: 'idle' }
	| { status: 'uploading'; progress: number }
	| { status: 'processing' }
	| { status: 'failed'; problem: PhotoProblem };

/** What a refused upload means to the person who sent it, from the answer's status. */
export function problemOf(status: number): PhotoProblem {
	if (status === 413) return 'too_large';
	if (status === 415) return 'unsupported';
	if (status === 400) return 'unreadable';
	return 'failed';
}

/**
 * Sends a persona's photo and removes it. The card itself switches when the server points the
 * shared document at the new photo, for the sender and everyone else alike; this only tracks
 * the request (XMLHttpRequest, since fetch reports no upload progress).
 */
export class PhotoUpload {
	#state = $state<PhotoUploadState>({ status: 'idle' });

	constructor(private readonly personaId: string) {}

	get state(): PhotoUploadState {
		return this.#state;
	}
	get busy(): boolean {
		return this.#state.status === 'uploading' || this.#state.status === 'processing';
	}

	upload(file: File): Promise<void> {
		if (file.size > PHOTO_MAX_BYTES) {
			this.#state = { status: 'failed', problem: 'too_large' };
			return Promise.resolve();
		}
		const type = (PHOTO_ACCEPTED_TYPES as readonly string[]).includes(file.type) ? file.type : 'application/octet-stream';
		this.#state = { status: 'uploading', progress: 0 };
		return new Promise((resolve) => {
			const request = new XMLHttpRequest();
			request.open('PUT', this.#url);
			request.setRequestHeader('content-type', type);
			request.upload.onprogress = (event) => {
				if (event.lengthComputable) this.#state = { status: 'uploading', progress: event.loaded / event.total };
			};
			request.upload.onload = () => (this.#state = { status: 'processing' });
			request.onload = () => {
				this.#state = request.status === 200 ? { status: 'idle' } : { status: 'failed', problem: problemOf(request.status) };
				resolve();
			};
			request.onerror = () => {
				this.#state = { status: 'failed', problem: 'failed' };
				resolve();
			};
			request.send(file);
		});
	}

	async remove(): Promise<void> {
		this.#state = { status: 'processing' };
		try {
			const response = await fetch(this.#url, { method: 'DELETE' });
			this.#state = response.ok ? { status: 'idle' } : { status: 'failed', problem: 'failed' };
		} catch {
			this.#state = { status: 'failed', problem: 'failed' };
		}
	}

	get #url(): string {
		return `/api/v1/personas/${this.personaId}/photo`;
	}
}
