import { m } from '$lib/paraglide/messages';
import { REPORT_SECTIONS, type ReportSection } from '$lib/domain/insights/report';

/** The insights sections in page order (the page, a snapshot and a report show them so). */
export const SECTION_ORDER = REPORT_SECTIONS;

export type SectionName = ReportSection;

/** Each section's heading and the question it answers. */
export const sectionTitles = (): Record<SectionName, { title: string; question: string }> => ({
	headline: { title: m.insights_headline_title(), question: m.insights_headline_question() },
	aims: { title: m.insights_aims_title(), question: m.insights_aims_question() },
	value: { title: m.insights_value_title(), question: m.insights_value_question() },
	leaks: { title: m.insights_leaks_title(), question: m.insights_leaks_question() },
	loyalty: { title: m.insights_loyalty_title(), question: m.insights_loyalty_question() },
	channels: { title: m.insights_channels_title(), question: m.insights_channels_question() },
	opportunities: { title: m.insights_opps_title(), question: m.insights_opps_question() }
});
