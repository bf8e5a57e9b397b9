import { translate } from '$lib/components/i18n';
import { renderImportMessage, type ImportRowError } from '$lib/domain/customer-data';

/** A field of an import as the UI names it ("Customer number"), in the current language. */
export const fieldLabel = (field: string) => translate(`data_field_${field}`);

/** Why an import failed or was cancelled, in the current language; older imports stored English only. */
export function importOutcomeText(found: { message: string | null; messageCode?: string | null; messageParams?: Record<string, string | number> | null }): string | null {
	if (!found.messageCode) return found.message;
	return renderImportMessage({ code: found.messageCode, params: found.messageParams ?? {} }, { fieldLabel });
}

/** What an import says about a row, in the current language; older imports stored English only. */
export function importErrorText(error: Pick<ImportRowError, 'message' | 'code' | 'params'>): string {
	return error.code ? renderImportMessage({ code: error.code, params: error.params ?? {} }, { fieldLabel }) : error.message;
}
