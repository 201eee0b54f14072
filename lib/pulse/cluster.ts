import { tokenize } from '../text/normalize';

/**
 * Groups short texts that ask for the same thing: average-linkage agglomerative clustering (UPGMA) over binary
 * TF-IDF vectors of the one normaliser's tokens, cosine similarity, stopping when no two clusters are closer
 * than `minSimilarity` on average. Deterministic and independent of input order: texts are sorted first and
 * ties merge the pair with the lowest indices. Quadratic memory, cubic time in the worst case: meant for one
 * occurrence's unmatched answers (tens to a few hundred), not for the harvest.
 */
export const CLUSTER_MIN_SIMILARITY = 0.1;

/** Words that carry no topic in a blocker statement; IDF alone leaves them too much weight in small sets. */
const STOP = new Set(
  (
    'a an and are as at be been but by can could do does for from get getting have how i if in into is it its ' +
    'me my no not of on or our so still that the their them there this to too up was we what when which who why ' +
    'will with would you your keep keeps right now one thing blocking blocked stuck need don t doesn isn know ' +
    'sure unsure idea anyone someone nobody'
  ).split(' '),
);

export function clusterWords(text: string): string[] {
  return [
    ...new Set(
      tokenize(text)
        .filter((w) => !STOP.has(w) && !/^\d+$/.test(w))
        .map(stem),
    ),
  ];
}

/**
 * A light English suffix strip ("upgrading", "upgrades" → "upgrad"): blockers say the same thing in other
 * forms of a word far more often than a note and a blocker do. Only for clustering; the index is untouched.
 */
export function stem(word: string): string {
  if (word.length <= 4 || !/^[a-z]+$/.test(word)) return word;
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'ed', 'es', 'ly', 's', 'e']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

export interface Cluster<T> {
  items: T[];
  /** Words most items share, rarest-first among ties: a label a person reads. */
  terms: string[];
  /** The item closest on average to the others: what the cluster "says". */
  medoid: T;
}

export function clusterTexts<T>(
  items: readonly T[],
  textOf: (item: T) => string,
  minSimilarity: number = CLUSTER_MIN_SIMILARITY,
): Cluster<T>[] {
  const sorted = [...items].sort((a, b) => {
    const x = textOf(a);
    const y = textOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const words = sorted.map((i) => clusterWords(textOf(i)));
  const df = new Map<string, number>();
  for (const ws of words) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sorted.length;
  const idf = (w: string) => Math.log(1 + n / df.get(w)!);
  const vecs = words.map((ws) => {
    const v = new Map(ws.map((w) => [w, idf(w)] as const));
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  const sim = (a: number, b: number) => {
    let dot = 0;
    const [small, big] = vecs[a]!.size < vecs[b]!.size ? [vecs[a]!, vecs[b]!] : [vecs[b]!, vecs[a]!];
    for (const [w, x] of small) dot += x * (big.get(w) ?? 0);
    return dot;
  };
  const pair: number[][] = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => (a === b ? 1 : 0)));
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pair[a]![b] = pair[b]![a] = sim(a, b);

  // Cluster similarity as sums over member pairs: merging adds rows, so average linkage stays exact.
  let clusters: number[][] = sorted.map((_, i) => [i]);
  const between: number[][] = pair.map((row) => [...row]);
  for (;;) {
    let best = -1;
    let ba = -1;
    let bb = -1;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        const avg = between[a]![b]! / (clusters[a]!.length * clusters[b]!.length);
        if (avg > best + 1e-12) {
          best = avg;
          ba = a;
          bb = b;
        }
      }
    }
    if (ba < 0 || best < minSimilarity) break;
    clusters[ba] = [...clusters[ba]!, ...clusters[bb]!];
    for (let c = 0; c < clusters.length; c++) {
      between[ba]![c] = between[c]![ba] = between[ba]![c]! + between[bb]![c]!;
    }
    clusters = clusters.filter((_, i) => i !== bb);
    between.splice(bb, 1);
    for (const row of between) row.splice(bb, 1);
  }

  return clusters
    .map((members) => {
      const counts = new Map<string, number>();
      for (const m of members) for (const w of words[m]!) counts.set(w, (counts.get(w) ?? 0) + 1);
      const terms = [...counts]
        .filter(([, c]) => members.length === 1 || c > 1)
        .sort((x, y) => y[1] - x[1] || df.get(x[0])! - df.get(y[0])! || (x[0] < y[0] ? -1 : 1))
        .slice(0, 3)
        .map(([w]) => w);
      let medoid = members[0]!;
      let bestSum = -1;
      for (const m of members) {
        const s = members.reduce((acc, o) => acc + pair[m]![o]!, 0);
        if (s > bestSum + 1e-12) {
          bestSum = s;
          medoid = m;
        }
      }
      return { items: members.map((m) => sorted[m]!), terms, medoid: sorted[medoid]! };
    })
    .sort((a, b) => b.items.length - a.items.length || (textOf(a.medoid) < textOf(b.medoid) ? -1 : 1));
}
