/**
 * Persona derivation: pure, deterministic clustering of a customer group into 3–8 personas with
 * their evidence. No I/O; the data layer supplies per-customer columns, a job runs
 * derivePersonas off the request path, and SegmentationError maps onto a 400 response.
 */
export { derivePersonas } from './derive';
export type { DeriveOptions, DeriveStage, DerivedFeature, PersonaDerivation, PersonaInput } from './derive';
export { SegmentationError } from './errors';
export type { SegmentationErrorCode } from './errors';
export { DEFAULT_FEATURE_IDS, FEATURE_CATALOGUE, catalogueFeature } from './feature-catalogue';
export type { FeatureDefinition, FeatureKind, FeatureTransform, SegmentationBasis } from './feature-catalogue';
export { UNKNOWN_LEVEL, buildFeatureMatrix, toOriginalUnits, toStandardised } from './features';
export type { FeatureColumn, FeatureColumns, FeatureMatrix, FeatureValue } from './features';
export { kMeans } from './kmeans';
export type { ClusteringOptions, ClusteringRun, NumericMatrix } from './kmeans';
export { defaultGamma, kPrototypes } from './kprototypes';
export type { KPrototypesOptions, MixedMatrix } from './kprototypes';
export type { ClusterData, Clustering } from './cluster-data';
export { meanSilhouette, planSilhouette, SILHOUETTE_EXACT_LIMIT, SILHOUETTE_SAMPLE_SIZE } from './silhouette';
export { chooseK, K_RANGE, MIN_CLUSTER_SHARE } from './choose-k';
export type { KChoice, KChoiceReason, KDiagnostics } from './choose-k';
export { profileClusters } from './profile';
export type { ClusterProfile, DistinguishingFeature } from './profile';
export { clusteringStability, STABILITY_RUNS, STABILITY_SAMPLE_SIZE } from './stability';
export type { Stability } from './stability';
export { adjustedRandIndex } from './adjusted-rand';
export { solveAssignment } from './hungarian';
export type { Assignment } from './hungarian';
export { matchPersonas } from './match';
export type { PersonaMatch, PersonaMatching, PreviousPersona } from './match';
