/**
 * The journey funnel: what really happens to customers at each bound step of a board — reached,
 * conversion to the next stage, drop-off, time to the next stage, channel switches, CLV and value
 * at risk — and what-if estimates on top. Pure: columnar arrays in, figures out.
 *
 * THE ORDERING RULE (a strict ordered funnel over the board's stages; the tests pin every clause)
 * - Only events with from ≤ at ≤ to, of customers in the cut, count.
 * - With entryChannel, only customers whose first-stage qualifying event was on that channel count.
 * - Stages are the distinct `stage` positions of the bound steps, in ascending order; steps in the
 *   same stage are alternatives.
 * - A customer reaches the first stage at their first event of any first-stage step's types.
 * - They reach stage s at their first event of a stage-s step's types at or after the moment they
 *   reached stage s − 1. Events of the same millisecond count as "at"; one event moves a customer
 *   at most one stage (a type bound in two stages needs two events to cover both).
 * - The step credited at a stage is the one whose types include that first qualifying event. When
 *   several qualifying events share the millisecond, or one type is bound to two alternatives, the
 *   earlier step in board order wins; one type on two channels in the same millisecond counts
 *   with the channel listed first in the log's channels (so row order never matters).
 * - With a conversion window (`maxGapMs`), stage s counts only when reached within the window after
 *   stage s − 1; a customer whose next qualifying event comes later stays at s − 1 (dropped off).
 * - Repeated events count once (only the first qualifying one matters). Events of stage s before
 *   the moment stage s − 1 was reached are ignored (out of order): a customer who did "pay" before
 *   "add to cart" and never paid again did not convert from the cart.
 * - A customer with an event of stage s who never reached stage s − 1 is not counted in stage s;
 *   they are reported per stage as `skipped` ("entered mid-journey").
 * - `converted` of a step: its credited customers who reached the next stage. medianHoursToNext:
 *   median over those of (moment of the next stage − moment of this stage), in hours. The channel
 *   of a step for a customer is the channel of the qualifying event; channelSwitches pair it with
 *   the channel of the qualifying event at the next stage.
 * - clvMean: mean CLV of the credited customers with a known (non-NaN) CLV; valueAtRisk: summed
 *   CLV of the credited customers who did not reach the next stage (none in the last stage).
 *   revenueMean likewise over known (non-NaN) revenue; whatIfValues takes the last stage's means
 *   as the value of one more final conversion.
 * - CSAT what-if (csatWhatIf): a respondent is a customer of the cut with a CSAT answer tagged with
 *   the step's event types (in the window) who was credited to the step; their latest such answer
 *   says whether they were satisfied (4–5). Their going on to the next stage is counted by this
 *   same rule (the funnel over only those customers).
 */
export type { EventLog, FunnelStep, FunnelOptions, StepMetrics, StageMetrics, FunnelResult, ChannelSwitch, ChannelFigures } from './types';
export { indexEventLog, indexEventLogInSteps, isIndexed, type IndexedEventLog } from './event-index';
export { computeFunnel, computeFunnelInSteps, UNKNOWN_CHANNEL } from './compute';
export { whatIf, whatIfValues, type WhatIfInput, type WhatIfValues, type WhatIfResult, type WhatIfExplanation, type WhatIfFlowStage } from './what-if';
export { csatWhatIf, type CsatWhatIfInput, type CsatWhatIfResult, type CsatExplanation, type CsatWhatIfReason, type RespondentOutcome, type TaggedAnswers } from './what-if-csat';
export { measuredPeriodDays, overHorizon, type Horizon } from './horizon';
export { countEventTypes, eventTypeFigures, type EventTypeFigures } from './event-types';
export { traceStepInSteps, type StepOutcomes } from './trace';
