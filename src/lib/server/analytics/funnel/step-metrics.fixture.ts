import type { StepMetrics } from './types';

/** A step's figures for what-if tests: reached and converted, the rest derived or empty. */
export function stepMetrics(stepId: string, stageIndex: number, reached: number, converted: number, isLastStage = false): StepMetrics {
	const conversion = isLastStage || reached === 0 ? null : converted / reached;
	return {
		stepId,
		stage: stageIndex * 10,
		stageIndex,
		eventTypes: [],
		isLastStage,
		reached,
		converted: isLastStage ? 0 : converted,
		conversion,
		dropOff: conversion === null ? null : 1 - conversion,
		dropOffCount: isLastStage ? null : reached - converted,
		medianHoursToNext: null,
		clvMean: null,
		clvN: 0,
		revenueMean: null,
		revenueN: 0,
		valueAtRisk: null,
		channelSwitches: [],
		byChannel: []
	};
}
