package org.twostep.common.ot;

import java.util.Arrays;

/**
 * Primal network simplex for the uncapacitated transportation problem between m sources and n
 * sinks with equal total mass, on a sparse arc set that may grow between solves (column
 * generation). The spanning-tree bookkeeping (parent, thread, reverse thread, successor counts,
 * last successor) and the block-search pivot rule follow the network simplex of LEMON (Kovacs 2015,
 * "Minimum-cost flow algorithms: an experimental evaluation", Optim. Methods Softw. 30), which POT's
 * {@code ot.emd} also uses. Arcs added after a solve enter at flow 0, outside the tree, so the basis
 * stays feasible and the next solve continues from it.
 *
 * <p>Node ids: sources {@code 0..m-1}, sinks {@code m..m+n-1}, the artificial root {@code m+n}. Arc ids:
 * {@code 0..m+n-1} are the artificial arcs of the starting basis (cost 0 out of a source, a cost
 * larger than any path into a sink), real arcs follow. Potentials {@code pi} make every tree arc's
 * reduced cost {@code c + pi[source] - pi[target]} zero. Not thread-safe: one instance per problem.
 */
final class NetworkSimplex {
  private static final int UP = 1;
  private static final int DOWN = -1;
  private static final int LOWER = 1;
  private static final int TREE = 0;

  private final int m;
  private final int nodes;
  private final int root;
  private final double tolerance;
  /** Cost of the artificial arcs into the sinks: more than any path of real arcs. */
  private final double art;
  private int arcs;
  private int[] source;
  private int[] target;
  private double[] cost;
  private double[] flow;
  private byte[] state;

  private final int[] parent;
  private final int[] pred;
  private final int[] predDir;
  private final int[] thread;
  private final int[] revThread;
  private final int[] succNum;
  private final int[] lastSucc;
  private final int[] dirty;
  private final double[] pi;

  private int nextArc;
  private int inArc;
  private int join;
  private int uIn;
  private int vIn;
  private int uOut;
  private double delta;

  /**
   * @param supply masses of the m sources (>= 0)
   * @param demand masses of the n sinks (>= 0), same total as supply
   * @param maxCost an upper bound of every arc cost that will ever be added (>= 0)
   * @param tolerance reduced costs above {@code -tolerance} count as non-negative
   */
  NetworkSimplex(double[] supply, double[] demand, double maxCost, double tolerance) {
    this.m = supply.length;
    this.nodes = m + demand.length;
    this.root = nodes;
    this.tolerance = tolerance;
    int capacity = nodes + 8 * nodes;
    source = new int[capacity];
    target = new int[capacity];
    cost = new double[capacity];
    flow = new double[capacity];
    state = new byte[capacity];
    parent = new int[nodes + 1];
    pred = new int[nodes + 1];
    predDir = new int[nodes + 1];
    thread = new int[nodes + 1];
    revThread = new int[nodes + 1];
    succNum = new int[nodes + 1];
    lastSucc = new int[nodes + 1];
    dirty = new int[nodes + 1];
    pi = new double[nodes + 1];
    // a path through the root costs at most art, more than any real path of <= nodes arcs
    this.art = (maxCost + 1) * (nodes + 1);
    for (int u = 0; u < nodes; u++) {
      parent[u] = root;
      pred[u] = u;
      thread[u] = u + 1;
      revThread[u + 1] = u;
      succNum[u] = 1;
      lastSucc[u] = u;
      state[u] = TREE;
      if (u < m) {
        predDir[u] = UP;
        source[u] = u;
        target[u] = root;
        flow[u] = supply[u];
      } else {
        predDir[u] = DOWN;
        pi[u] = art;
        source[u] = root;
        target[u] = u;
        flow[u] = demand[u - m];
        cost[u] = art;
      }
    }
    parent[root] = -1;
    pred[root] = -1;
    thread[root] = 0;
    revThread[0] = root;
    succNum[root] = nodes + 1;
    lastSucc[root] = root - 1;
    arcs = nodes;
  }

  /** Adds the arc source i -> sink j (0-based within their sides); returns its id. */
  int addArc(int i, int j, double c) {
    if (arcs == source.length) {
      int cap = source.length * 2;
      source = Arrays.copyOf(source, cap);
      target = Arrays.copyOf(target, cap);
      cost = Arrays.copyOf(cost, cap);
      flow = Arrays.copyOf(flow, cap);
      state = Arrays.copyOf(state, cap);
    }
    source[arcs] = i;
    target[arcs] = m + j;
    cost[arcs] = c;
    state[arcs] = LOWER;
    return arcs++;
  }

  int arcCount() {
    return arcs - nodes;
  }

  /** Pivots the given arcs in first when they price out (LEMON's heuristic initial pivots). */
  void pivotIn(int[] arcIds, int count) {
    for (int k = 0; k < count; k++) {
      inArc = arcIds[k];
      if (state[inArc] * reduced(inArc) < -tolerance) {
        pivot();
      }
    }
  }

  /**
   * Runs block-search pivots until no real arc prices out, then recomputes the potentials from the tree; returns the
   * pivot count.
   */
  long solve() {
    int real = arcs - nodes;
    int block = Math.max(10, (int) Math.ceil(Math.sqrt(real)));
    long pivots = 0;
    if (nextArc < nodes || nextArc >= arcs) {
      nextArc = nodes;
    }
    while (findEnteringArc(block)) {
      pivot();
      pivots++;
    }
    recomputePotentials();
    return pivots;
  }

  /**
   * Every potential anew from its tree parent, root first in thread order. The pivots' incremental updates start from
   * sink potentials of the artificial cost art = (max C + 1)(nodes + 1) and keep its rounding error (about
   * 1e-16 art, near the pricing tolerance at 10^4 nodes a side) in every potential they touch; recomputed, a
   * potential carries only the rounding of its tree path. When the whole tree hangs from the root by sink arcs, the
   * root takes -art so that no potential keeps the art offset either.
   */
  void recomputePotentials() {
    boolean sinksOnly = true;
    for (int u = thread[root]; u != root; u = thread[u]) {
      if (parent[u] == root && u < m) {
        sinksOnly = false;
        break;
      }
    }
    pi[root] = sinksOnly ? -art : 0;
    for (int u = thread[root]; u != root; u = thread[u]) {
      int e = pred[u];
      pi[u] = predDir[u] == UP ? pi[parent[u]] - cost[e] : pi[parent[u]] + cost[e];
    }
  }

  private double reduced(int e) {
    return cost[e] + pi[source[e]] - pi[target[e]];
  }

  private boolean findEnteringArc(int block) {
    double min = -tolerance;
    int found = -1;
    int cnt = block;
    int e = nextArc;
    int scanned = 0;
    int real = arcs - nodes;
    while (scanned < real) {
      double c = state[e] * (cost[e] + pi[source[e]] - pi[target[e]]);
      if (c < min) {
        min = c;
        found = e;
      }
      scanned++;
      e++;
      if (e == arcs) {
        e = nodes;
      }
      if (--cnt == 0) {
        if (found >= 0) {
          break;
        }
        cnt = block;
      }
    }
    if (found < 0) {
      return false;
    }
    inArc = found;
    nextArc = e;
    return true;
  }

  private void pivot() {
    findJoinNode();
    if (!findLeavingArc()) {
      throw new IllegalStateException("unbounded transport problem: a negative cycle of infinite capacity");
    }
    changeFlow();
    updateTreeStructure();
    updatePotential();
  }

  private void findJoinNode() {
    int u = source[inArc];
    int v = target[inArc];
    while (u != v) {
      if (succNum[u] < succNum[v]) {
        u = parent[u];
      } else {
        v = parent[v];
      }
    }
    join = u;
  }

  /** The blocking tree arc of the cycle closed by the entering arc (all capacities are infinite). */
  private boolean findLeavingArc() {
    int first = source[inArc];
    int second = target[inArc];
    if (state[inArc] != LOWER) {
      first = target[inArc];
      second = source[inArc];
    }
    delta = Double.POSITIVE_INFINITY;
    int result = 0;
    for (int u = first; u != join; u = parent[u]) {
      if (predDir[u] == UP && flow[pred[u]] < delta) {
        delta = flow[pred[u]];
        uOut = u;
        result = 1;
      }
    }
    for (int u = second; u != join; u = parent[u]) {
      // "<=" picks the last blocking arc: the strongly feasible tree rule, which prevents cycling
      if (predDir[u] == DOWN && flow[pred[u]] <= delta) {
        delta = flow[pred[u]];
        uOut = u;
        result = 2;
      }
    }
    if (result == 1) {
      uIn = first;
      vIn = second;
    } else {
      uIn = second;
      vIn = first;
    }
    return result != 0;
  }

  private void changeFlow() {
    if (delta > 0) {
      double val = state[inArc] * delta;
      flow[inArc] += val;
      for (int u = source[inArc]; u != join; u = parent[u]) {
        flow[pred[u]] -= predDir[u] * val;
      }
      for (int u = target[inArc]; u != join; u = parent[u]) {
        flow[pred[u]] += predDir[u] * val;
      }
    }
    state[inArc] = TREE;
    state[pred[uOut]] = LOWER; // the leaving arc carries no flow: no capacities, so never UPPER
    flow[pred[uOut]] = 0; // exact zero, also after rounding
  }

  private void updateTreeStructure() {
    int oldRevThread = revThread[uOut];
    int oldSuccNum = succNum[uOut];
    int oldLastSucc = lastSucc[uOut];
    int vOut = parent[uOut];
    if (uIn == uOut) {
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn == source[inArc] ? UP : DOWN;
      if (thread[vIn] != uOut) {
        int after = thread[oldLastSucc];
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn];
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      reverseStem(oldRevThread, oldSuccNum);
    }
    // last successors from vIn towards the root
    int upLimitOut = lastSucc[join] == vIn ? join : -1;
    int lastSuccOut = lastSucc[uOut];
    for (int u = vIn; u != -1 && lastSucc[u] == vIn; u = parent[u]) {
      lastSucc[u] = lastSuccOut;
    }
    // last successors from vOut towards the root
    if (join != oldRevThread && vIn != oldRevThread) {
      for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
        lastSucc[u] = oldRevThread;
      }
    } else if (lastSuccOut != oldLastSucc) {
      for (int u = vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u]) {
        lastSucc[u] = lastSuccOut;
      }
    }
    for (int u = vIn; u != join; u = parent[u]) {
      succNum[u] += oldSuccNum;
    }
    for (int u = vOut; u != join; u = parent[u]) {
      succNum[u] -= oldSuccNum;
    }
  }

  /** Re-hangs the stem uIn .. uOut under vIn, reversing parent links and splicing the thread. */
  private void reverseStem(int oldRevThread, int oldSuccNum) {
    int threadContinue = oldRevThread == vIn ? thread[lastSucc[uOut]] : thread[vIn];
    int stem = uIn;
    int parStem = vIn;
    int last = lastSucc[uIn];
    int after = thread[last];
    thread[vIn] = uIn;
    int dirtyCount = 0;
    dirty[dirtyCount++] = vIn;
    while (stem != uOut) {
      int nextStem = parent[stem];
      thread[last] = nextStem;
      dirty[dirtyCount++] = last;
      int before = revThread[stem];
      thread[before] = after;
      revThread[after] = before;
      parent[stem] = parStem;
      parStem = stem;
      stem = nextStem;
      last = lastSucc[stem] == lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
      after = thread[last];
    }
    parent[uOut] = parStem;
    thread[last] = threadContinue;
    revThread[threadContinue] = last;
    lastSucc[uOut] = last;
    if (oldRevThread != vIn) {
      thread[oldRevThread] = after;
      revThread[after] = oldRevThread;
    }
    for (int k = 0; k < dirtyCount; k++) {
      int u = dirty[k];
      revThread[thread[u]] = u;
    }
    int tmpSc = 0;
    int tmpLs = lastSucc[uOut];
    for (int u = uOut, p = parent[u]; u != uIn; u = p, p = parent[u]) {
      pred[u] = pred[p];
      predDir[u] = -predDir[p];
      tmpSc += succNum[u] - succNum[p];
      succNum[u] = tmpSc;
      lastSucc[p] = tmpLs;
    }
    pred[uIn] = inArc;
    predDir[uIn] = uIn == source[inArc] ? UP : DOWN;
    succNum[uIn] = oldSuccNum;
  }

  private void updatePotential() {
    double sigma = pi[vIn] - pi[uIn] - predDir[uIn] * cost[inArc];
    int end = thread[lastSucc[uIn]];
    for (int u = uIn; u != end; u = thread[u]) {
      pi[u] += sigma;
    }
  }

  /** Row potential u_i = -pi(i), so that u_i + v_j <= c_ij on every priced-out arc. */
  double rowPotential(int i) {
    return -pi[i];
  }

  /** Column potential v_j = pi(m + j). */
  double colPotential(int j) {
    return pi[m + j];
  }

  /** Mass left on the artificial arcs: zero once the real arcs carry a feasible plan. */
  double artificialMass() {
    double s = 0;
    for (int e = 0; e < nodes; e++) {
      s += Math.abs(flow[e]);
    }
    return s;
  }

  int arcSource(int arc) {
    return source[nodes + arc];
  }

  int arcTarget(int arc) {
    return target[nodes + arc] - m;
  }

  double arcCost(int arc) {
    return cost[nodes + arc];
  }

  double arcFlow(int arc) {
    return flow[nodes + arc];
  }
}
