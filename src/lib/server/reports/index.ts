export { startReport, reportJob, type ReportJob, type JobState } from './jobs';
export { closePrinter, requirePrinterBrowser } from './printer';
export { RENDER_TOKEN_HEADER } from './render-tokens';
export { renderAccess } from './render-access';
export { reportSection, type SectionState } from './sections';
export { reportPersonas, type ReportPersonas } from './personas';
export { reportMaps, type ReportMap } from './maps';
