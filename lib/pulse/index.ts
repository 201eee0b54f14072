export * from './schema';
export * from './schedule';
export * from './defaults';
export { matchAnswer, MATCH_MIN_SCORE } from './match';
export { clusterTexts, clusterWords, CLUSTER_MIN_SIMILARITY, type Cluster } from './cluster';
export { knowledgeRequests, type KnowledgeRequest, type BlockerAnswer, type PulseOutcome } from './knowledge-requests';
export { solvedPhrase } from './solved-phrase';
