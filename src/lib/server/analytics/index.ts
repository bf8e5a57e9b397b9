/**
 * The analytics engine's public surface: pure functions over plain arrays, no I/O. Customer value
 * (BG/NBD, Gamma-Gamma, sBG, the KW formula, discounted CLV, current vs potential value),
 * concentration, loyalty and satisfaction. Units are documented per function: times in the
 * summary's time unit, money in the data's currency, discount rates per period.
 */
export { TIME_UNITS, TIME_UNIT_DAYS, type TimeUnit } from './time-unit';
export { CALENDAR_PERIODS, periodIndex, periodLabel, periodOf, type CalendarPeriod } from './calendar-period';
export { logGamma, logBeta, hyp2f1, type Hyp2f1Options } from './special';
export { minimize, minimizePositive, type MinimizeOptions, type Minimum, type PositiveMinimum } from './optimize';
export { quantile, quantileSorted } from './quantile';

export {
	summarizeTransactions,
	summarizeTransactionsInSteps,
	summarizeLogInSteps,
	transactionLogOf,
	type Transaction,
	type TransactionLog,
	type SummariesOfLog,
	type SummaryOptions,
	type CustomerSummary
} from './summary';
export { customerPeriodsInSteps, type CustomerPeriods } from './customer-periods';
export { groupFrequencyProfiles, type FrequencyProfile, type FrequencyGroups } from './frequency-groups';
export {
	fitBgnbd,
	bgnbdLogLikelihood,
	bgnbdProbabilityAlive,
	bgnbdExpectedTransactions,
	bgnbdConditionalExpectedTransactions,
	bgnbdConditionalExpectation,
	bgnbdExpectationIfAlive,
	type BgnbdParams,
	type BgnbdFit,
	type BgnbdFitOptions
} from './bgnbd';
export {
	fitGammaGamma,
	gammaGammaLogLikelihood,
	gammaGammaExpectedSpend,
	gammaGammaPopulationMeanSpend,
	isSpendInformative,
	type GammaGammaParams,
	type GammaGammaFit,
	type GammaGammaFitOptions,
	type SpendProfile
} from './gamma-gamma';
export {
	fitSbg,
	sbgLogLikelihood,
	sbgChurnProbabilities,
	sbgSurvivalCurve,
	sbgRetentionCurve,
	sbgExpectedLifetime,
	sbgDiscountedExpectedLifetime,
	sbgDiscountedExpectedResidualLifetime,
	cohortSurvivalFromChurn,
	type SbgParams,
	type SbgFit,
	type CohortSurvival
} from './sbg';
export {
	formulaValue,
	formulaClv,
	formulaClvInSteps,
	formulaRateHistories,
	relationshipLengthFromRetention,
	discountTransactions,
	discountedClv,
	type FormulaFactors,
	type FormulaDerivation,
	type FormulaClv,
	type FormulaCustomer,
	type FormulaOptions,
	type FormulaPooling,
	type FormulaResult,
	type FactorSource,
	type DiscountedClvOptions,
	type DiscountedClv
} from './clv';
export {
	MIN_REPEAT_BUYERS,
	MIN_RETENTION_CUSTOMERS,
	MIN_RETENTION_PERIODS,
	USABLE,
	combineVerdicts,
	fitVerdict,
	isUsable,
	minimumVerdict,
	predictionsVerdict,
	verdictOf,
	type FitReason,
	type FitReasonCode,
	type FitVerdict
} from './fit-verdict';
export { judgedBgnbd, judgedGammaGamma, judgedSbg, type Judged } from './judged-fits';
export {
	fitRatePrior,
	pooledRate,
	spendCredibility,
	pooledSpend,
	type RateHistory,
	type RatePrior,
	type SpendHistory,
	type SpendCredibility
} from './pooling';
export { MarginTally, type DataMargin } from './margin';
export { scoreCustomers, scoreCustomersInSteps, type CustomerScore, type ScoreOptions } from './score';
export {
	shareOfWallet,
	valueAction,
	valueMatrix,
	valueMatrixInSteps,
	type ValueInput,
	type CustomerValue,
	type ValueAction,
	type PotentialBasis,
	type ValueMatrix,
	type ValueMatrixOptions
} from './value-matrix';
export { concentration, concentrationInSteps, topShare, gini, type Concentration, type ConcentrationOptions, type CurvePoint } from './concentration';
export {
	nps,
	npsByGroup,
	behaviouralLoyalty,
	expectedActiveCustomers,
	cohortRetention,
	cohortRetentionInSteps,
	loyaltySegment,
	loyaltyMatrix,
	type NpsResult,
	type BehaviouralLoyalty,
	type CohortRetention,
	type Purchase,
	type LoyaltySegment,
	type LoyaltyMatrix
} from './loyalty';
export { csat, ces, csatByGroup, cesByGroup, type CsatResult, type CesResult, type ScoredResponse } from './satisfaction';
export { byGroup, isLowN, DEFAULT_MINIMUM_RESPONDENTS, type Grouped, type RespondentOptions } from './respondents';
export { periodActivity, periodActivityInSteps, type PeriodActivity, type PurchaseColumns } from './period-activity';
