import { m } from '$lib/paraglide/messages';
import type { ChannelKind } from '$lib/domain/channel-kind';
import type { BuyerMix } from '$lib/domain/insights/channels';
import type { MoneyFormat } from '$lib/domain/format';
import type { ChannelsJson } from '$lib/server/http/insights-channels-json';

/* The words of the channels section, shared by its two components. */

export const channelKindLabel = (kind: ChannelKind): string =>
	kind === 'online' ? m.insights_channels_kind_online() : kind === 'offline' ? m.insights_channels_kind_offline() : m.insights_channels_kind_unknown();

export const buyerMixLabel = (mix: BuyerMix): string =>
	mix === 'online'
		? m.insights_channels_mix_online()
		: mix === 'offline'
			? m.insights_channels_mix_offline()
			: mix === 'both'
				? m.insights_channels_mix_both()
				: m.insights_channels_mix_unknown();

/** A mean CLV with its n, marked when thin; withheld without a trusted CLV. */
export function valueText(figure: ChannelsJson['figures']['buyers']['clv'], money: MoneyFormat, count: (n: number) => string): string {
	if (figure === null) return m.insights_clv_withheld();
	if (figure.mean === null) return m.insights_no_figure();
	return `${money.format(figure.mean)}${figure.lowN ? ' *' : ''} (${m.insights_n({ n: count(figure.n) })})`;
}
