package org.redflag.fit;

/** Dense symmetric positive-definite solves by Cholesky decomposition (small matrices only). */
final class Linear {
  private Linear() {}

  /** Lower-triangular L with A = L L^T, or null when A is not (numerically) positive definite. */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
        if (i == j) {
          if (!(s > 1e-300) || !Double.isFinite(s)) return null;
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  /** Solves A x = b for SPD A; null when A is not positive definite. */
  static double[] solveSpd(double[][] a, double[] b) {
    double[][] l = cholesky(a);
    return l == null ? null : solve(l, b);
  }

  private static double[] solve(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) s -= l[k][i] * x[k];
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** Inverse of an SPD matrix, or null when it is singular. */
  static double[][] inverseSpd(double[][] a) {
    double[][] l = cholesky(a);
    if (l == null) return null;
    int n = a.length;
    double[][] inv = new double[n][n];
    for (int c = 0; c < n; c++) {
      double[] e = new double[n];
      e[c] = 1;
      double[] col = solve(l, e);
      for (int r = 0; r < n; r++) inv[r][c] = col[r];
    }
    return inv;
  }
}
