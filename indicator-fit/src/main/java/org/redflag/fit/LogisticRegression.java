package org.redflag.fit;

import java.util.Arrays;

/**
 * Penalised logistic regression with a deterministic solver, for the small dense problems of
 * indicator calibration (tens to a few hundred columns). Hand-written rather than taken from a
 * library because we need exact reproducibility, a fixed iteration budget and the inverse Hessian for
 * standard errors, and the problem is small enough that plain Newton steps are the right tool.
 *
 * <p>Minimises {@code -loglik(b, w) + (l2 / 2) * ||w||^2 + l1 * ||w||_1}; the intercept {@code b} is not
 * penalised. With {@code l1 == 0}: Newton's method with Cholesky solves and a backtracking (Armijo)
 * line search. With {@code l1 > 0}: proximal Newton, where each step minimises the quadratic model
 * plus the L1 term by cyclic coordinate descent with soft-thresholding (as in glmnet), then the same
 * line search. Both stop when the decrease predicted by the step falls under {@code tolerance} or
 * after {@code maxIterations} steps.
 *
 * <p>Columns that do not vary over the training rows (e.g. an indicator that never fired) cannot be
 * estimated apart from the intercept: their weight is fixed at 0 and they are marked not estimable.
 *
 * <p>Standard errors come from the inverse Hessian of the penalised objective at the optimum (with
 * {@code l2 > 0} this is the Laplace approximation to the posterior under a Gaussian prior with
 * variance {@code 1 / l2}). They are approximate when {@code l1 > 0}.
 */
public final class LogisticRegression {
  /** Solver settings. */
  public record Options(double l2, double l1, int maxIterations, double tolerance) {
    public Options {
      if (!(l2 >= 0 && Double.isFinite(l2))) throw new IllegalArgumentException("l2 must be finite and >= 0, was " + l2);
      if (!(l1 >= 0 && Double.isFinite(l1))) throw new IllegalArgumentException("l1 must be finite and >= 0, was " + l1);
      if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, was " + maxIterations);
      if (!(tolerance > 0)) throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
    }

    /** L2 penalty 1, no L1, 100 Newton steps, tolerance 1e-10. */
    public static Options defaults() { return new Options(1.0, 0, 100, 1e-10); }

    public Options withL2(double v) { return new Options(v, l1, maxIterations, tolerance); }
    public Options withL1(double v) { return new Options(l2, v, maxIterations, tolerance); }
  }

  /**
   * A fit: intercept, weights per column, standard errors (intercept first in {@code interceptSe}),
   * which columns were estimable, and how the solver ended.
   */
  public record Fit(double intercept, double interceptSe, double[] weights, double[] standardErrors, boolean[] estimable,
      int iterations, boolean converged, double objective) {
    public Fit {
      weights = weights.clone();
      standardErrors = standardErrors.clone();
      estimable = estimable.clone();
    }

    @Override public double[] weights() { return weights.clone(); }
    @Override public double[] standardErrors() { return standardErrors.clone(); }
    @Override public boolean[] estimable() { return estimable.clone(); }

    public double logOdds(double[] x) {
      double z = intercept;
      for (int j = 0; j < x.length; j++) z += weights[j] * x[j];
      return z;
    }
  }

  /** Raised when the data do not allow a finite fit with the given settings. */
  public static final class FitException extends IllegalArgumentException {
    public FitException(String message) { super(message); }
  }

  private static final double MAX_ABS_WEIGHT = 50;
  /** A standard error above 100 log-odds units means the weight is not determined by the data. */
  private static final double MAX_UNPENALISED_VARIANCE = 1e4;

  private LogisticRegression() {}

  /** Fits on rows {@code x[i]} (all of the same length) with labels {@code y[i]} in {0, 1}. */
  public static Fit fit(double[][] x, int[] y, Options o) {
    int n = x.length;
    if (n == 0 || y.length != n) throw new IllegalArgumentException("need at least one row and one label per row, got " + n + " rows and " + y.length + " labels");
    int p = x[0].length;
    int positives = 0;
    for (int i = 0; i < n; i++) {
      if (x[i].length != p) throw new IllegalArgumentException("row " + i + " has " + x[i].length + " columns, expected " + p);
      if (y[i] != 0 && y[i] != 1) throw new IllegalArgumentException("label " + i + " must be 0 or 1, was " + y[i]);
      for (double v : x[i]) if (!Double.isFinite(v)) throw new IllegalArgumentException("row " + i + " has a non-finite value");
      positives += y[i];
    }
    if (positives == 0 || positives == n) {
      throw new FitException("labels contain only class " + (positives == 0 ? 0 : 1) + " (" + n + " rows); need both classes");
    }
    // estimable columns: those that vary over the rows
    boolean[] estimable = new boolean[p];
    int[] active = new int[p];
    int q = 0;
    for (int j = 0; j < p; j++) {
      double first = x[0][j];
      for (int i = 1; i < n && !estimable[j]; i++) if (x[i][j] != first) estimable[j] = true;
      if (estimable[j]) active[q++] = j;
    }
    active = Arrays.copyOf(active, q);
    // sparse rows over the active columns, with the intercept as local column 0
    int[][] idx = new int[n][];
    double[][] val = new double[n][];
    for (int i = 0; i < n; i++) {
      int nnz = 1;
      for (int k = 0; k < q; k++) if (x[i][active[k]] != 0) nnz++;
      idx[i] = new int[nnz];
      val[i] = new double[nnz];
      idx[i][0] = 0;
      val[i][0] = 1;
      int t = 1;
      for (int k = 0; k < q; k++) {
        double v = x[i][active[k]];
        if (v != 0) {
          idx[i][t] = k + 1;
          val[i][t++] = v;
        }
      }
    }
    Solver s = new Solver(idx, val, y, q + 1, o);
    // start at the base-rate intercept, zero weights
    s.theta[0] = Math.log((double) positives / (n - positives));
    s.run();
    if (o.l2() == 0 && o.l1() == 0) {
      for (int k = 1; k <= q; k++) {
        if (Math.abs(s.theta[k]) > MAX_ABS_WEIGHT || !s.converged) {
          throw new FitException("unpenalised fit does not converge: the classes look perfectly separable by some columns; use an L2 penalty > 0");
        }
      }
    }
    double[][] h = s.hessian();
    double[][] cov = Linear.inverseSpd(h);
    if (cov == null) {
      throw new FitException("the Hessian is singular (columns are collinear or separate the classes); use an L2 penalty > 0");
    }
    double[] weights = new double[p];
    double[] se = new double[p];
    for (int k = 0; k < q; k++) {
      weights[active[k]] = s.theta[k + 1];
      se[active[k]] = Math.sqrt(Math.max(0, cov[k + 1][k + 1]));
    }
    double interceptSe = Math.sqrt(Math.max(0, cov[0][0]));
    if (o.l2() == 0 && o.l1() == 0) {
      // quasi-separation: the likelihood is nearly flat along some direction, so the errors explode
      for (int k = 0; k <= q; k++) {
        if (cov[k][k] > MAX_UNPENALISED_VARIANCE) {
          throw new FitException("unpenalised fit is not identifiable: some columns (nearly) separate the classes or are collinear; use an L2 penalty > 0");
        }
      }
    }
    for (double w : s.theta) if (!Double.isFinite(w)) throw new FitException("solver produced a non-finite weight; check the input scale");
    return new Fit(s.theta[0], interceptSe, weights, se, estimable, s.iterations, s.converged, s.objective(s.theta));
  }

  /** Numerically stable {@code log(1 + exp(z))}. */
  static double log1pExp(double z) { return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)); }

  static double sigmoid(double z) {
    if (z >= 0) return 1 / (1 + Math.exp(-z));
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** Newton / proximal-Newton iterations over sparse rows; local column 0 is the intercept. */
  private static final class Solver {
    final int[][] idx;
    final double[][] val;
    final int[] y;
    final int d;
    final Options o;
    final double[] theta;
    int iterations;
    boolean converged;

    Solver(int[][] idx, double[][] val, int[] y, int d, Options o) {
      this.idx = idx;
      this.val = val;
      this.y = y;
      this.d = d;
      this.o = o;
      this.theta = new double[d];
    }

    double z(int i, double[] t) {
      double z = 0;
      int[] ix = idx[i];
      double[] vx = val[i];
      for (int k = 0; k < ix.length; k++) z += t[ix[k]] * vx[k];
      return z;
    }

    double objective(double[] t) {
      double f = 0;
      for (int i = 0; i < y.length; i++) {
        double z = z(i, t);
        f += log1pExp(z) - y[i] * z;
      }
      double sq = 0;
      double abs = 0;
      for (int k = 1; k < d; k++) {
        sq += t[k] * t[k];
        abs += Math.abs(t[k]);
      }
      return f + 0.5 * o.l2() * sq + o.l1() * abs;
    }

    /** Gradient of the smooth part (loss + L2) and its Hessian, at theta. */
    double[] gradient(double[][] h) {
      double[] g = new double[d];
      for (double[] row : h) Arrays.fill(row, 0);
      for (int i = 0; i < y.length; i++) {
        double pr = sigmoid(z(i, theta));
        double r = pr - y[i];
        double w = pr * (1 - pr);
        int[] ix = idx[i];
        double[] vx = val[i];
        for (int a = 0; a < ix.length; a++) {
          g[ix[a]] += r * vx[a];
          double wa = w * vx[a];
          for (int b = 0; b <= a; b++) h[ix[a]][ix[b]] += wa * vx[b];
        }
      }
      for (int a = 0; a < d; a++) for (int b = 0; b < a; b++) h[b][a] = h[a][b];
      for (int k = 1; k < d; k++) {
        g[k] += o.l2() * theta[k];
        h[k][k] += o.l2();
      }
      return g;
    }

    double[][] hessian() {
      double[][] h = new double[d][d];
      gradient(h);
      return h;
    }

    void run() {
      double[][] h = new double[d][d];
      double f = objective(theta);
      for (iterations = 0; iterations < o.maxIterations(); ) {
        double[] g = gradient(h);
        double[] step;
        double predicted;
        if (o.l1() == 0) {
          double[][] reg = copy(h);
          // a tiny ridge keeps the unpenalised case solvable while the weights are still finite
          for (int k = 0; k < d; k++) reg[k][k] += 1e-12 * (1 + reg[k][k]);
          double[] sol = Linear.solveSpd(reg, g);
          if (sol == null) break;
          step = new double[d];
          predicted = 0;
          for (int k = 0; k < d; k++) {
            step[k] = -sol[k];
            predicted += g[k] * step[k];
          }
        } else {
          step = proximalStep(g, h);
          predicted = 0;
          double l1Before = 0;
          double l1After = 0;
          for (int k = 0; k < d; k++) {
            predicted += g[k] * step[k];
            if (k > 0) {
              l1Before += Math.abs(theta[k]);
              l1After += Math.abs(theta[k] + step[k]);
            }
          }
          predicted += o.l1() * (l1After - l1Before);
        }
        iterations++;
        if (-predicted < o.tolerance()) {
          converged = true;
          break;
        }
        double t = 1;
        double[] next = new double[d];
        double fNext = f;
        boolean accepted = false;
        for (int halvings = 0; halvings < 60; halvings++) {
          for (int k = 0; k < d; k++) next[k] = theta[k] + t * step[k];
          fNext = objective(next);
          if (fNext <= f + 1e-4 * t * predicted) {
            accepted = true;
            break;
          }
          t /= 2;
        }
        if (!accepted) {
          converged = true; // no further decrease is representable
          break;
        }
        System.arraycopy(next, 0, theta, 0, d);
        double decrease = f - fNext;
        f = fNext;
        if (decrease < o.tolerance() * 1e-3) {
          converged = true;
          break;
        }
      }
    }

    /** Minimises the quadratic model plus the L1 term by cyclic coordinate descent; returns the step. */
    double[] proximalStep(double[] g, double[][] h) {
      double[] step = new double[d];
      double[] hStep = new double[d];
      for (int sweep = 0; sweep < 200; sweep++) {
        double maxChange = 0;
        for (int k = 0; k < d; k++) {
          double a = h[k][k];
          if (a <= 0) continue;
          double grad = g[k] + hStep[k];
          double current = theta[k] + step[k];
          double target = current - grad / a;
          double updated = k == 0 ? target : softThreshold(target, o.l1() / a);
          double delta = updated - current;
          if (delta != 0) {
            step[k] += delta;
            for (int m = 0; m < d; m++) hStep[m] += delta * h[m][k];
            maxChange = Math.max(maxChange, Math.abs(delta));
          }
        }
        if (maxChange < 1e-12) break;
      }
      return step;
    }

    static double softThreshold(double v, double t) { return v > t ? v - t : v < -t ? v + t : 0; }

    static double[][] copy(double[][] m) {
      double[][] c = new double[m.length][];
      for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
      return c;
    }
  }
}
