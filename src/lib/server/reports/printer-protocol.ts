import type { PrintRequest } from './print-pdf';

/** What the server thread asks the report-printer worker, and what it answers. */
export type PrinterRequest =
	| { type: 'print'; id: number; executablePath: string; request: PrintRequest }
	/** Close the browser: the worker answers `closed` and has nothing left running. */
	| { type: 'close' };

export type PrinterAnswer =
	| { type: 'printed'; id: number; pdf: ArrayBuffer }
	| { type: 'failed'; id: number; message: string }
	| { type: 'closed' };
