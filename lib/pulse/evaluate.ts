/** How well matching and clustering did on a labelled set: pure, so the test and bench:pulse agree. */
export interface LabelledStatement {
  text: string;
  /** The note that answers it, or null when nothing harvested does. */
  answer: string | null;
  /** Statements asking for the same thing share a topic (the gold clusters). */
  topic: string;
}

export interface MatchScores {
  /** Of the statements matched to a note, the share matched to the right one. */
  precision: number;
  /** Of the statements that have an answer, the share matched to it. */
  recall: number;
  matched: number;
  correct: number;
  answerable: number;
}

export function matchScores(
  statements: readonly LabelledStatement[],
  predicted: readonly (string | null)[],
): MatchScores {
  let matched = 0;
  let correct = 0;
  let answerable = 0;
  statements.forEach((s, i) => {
    const p = predicted[i] ?? null;
    if (s.answer !== null) answerable++;
    if (p === null) return;
    matched++;
    if (p === s.answer) correct++;
  });
  return {
    precision: matched ? correct / matched : 1,
    recall: answerable ? correct / answerable : 1,
    matched,
    correct,
    answerable,
  };
}

export interface ClusterScores {
  /** Sum over clusters of its most common topic's count, over all items: 1 when no cluster mixes topics. */
  purity: number;
  /**
   * The same with the roles swapped (each topic's largest share in one cluster): 1 when no topic is split.
   * Purity alone is 1 for all-singletons; the pair is what says the clustering is useful.
   */
  inversePurity: number;
  clusters: number;
  topics: number;
}

/** `clusters` are lists of topics (one per clustered item). */
export function clusterScores(clusters: readonly (readonly string[])[]): ClusterScores {
  const total = clusters.reduce((s, c) => s + c.length, 0);
  const byTopic = new Map<string, Map<number, number>>();
  let pure = 0;
  clusters.forEach((c, ci) => {
    const counts = new Map<string, number>();
    for (const t of c) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      const m = byTopic.get(t) ?? new Map<number, number>();
      m.set(ci, (m.get(ci) ?? 0) + 1);
      byTopic.set(t, m);
    }
    pure += Math.max(0, ...counts.values());
  });
  let inverse = 0;
  for (const m of byTopic.values()) inverse += Math.max(...m.values());
  return {
    purity: total ? pure / total : 1,
    inversePurity: total ? inverse / total : 1,
    clusters: clusters.length,
    topics: byTopic.size,
  };
}
