package dev.emscreen.trainer;

/**
 * Logistic regression on a few dense columns whose weights are pulled towards a prior rather than
 * towards zero: minimises {@code Σ k_i·log(1 + exp(−y_i·(b + w·x_i))) + λ/2·|w − w0|²}, with classes
 * balanced ({@code k_i = n / (2·n_class)}) and the intercept unpenalised. The readout's last stage
 * needs this: with few labels its prior (words and decoded activations, {@link ReadoutFit#prior}) should
 * win, and only labels enough to show it may move weight elsewhere. Optionally every weight is kept
 * at zero or above, the intercept free ({@link ReadoutFit#nonNegative} says when). liblinear, used for
 * every other fit, has neither a prior mean nor bounds; this is a small Newton solver for at most a
 * handful of columns.
 *
 * <p>The bounded fit is exact rather than iterative: the objective is strictly convex, so its
 * optimum under {@code w ≥ 0} is the unconstrained optimum of one face (some weights held at zero,
 * the rest free), and it is the feasible face optimum with the least objective. With six columns
 * there are 64 faces, each a few Newton steps on a few dozen rows. Unlike a projected Newton method
 * this has no stopping rule that a rounding difference in the inputs could move (a learning curve
 * re-run must draw the same figures).
 */
final class AnchoredLogistic {

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    private AnchoredLogistic() {
    }

    /**
     * @param nonNegative whether every weight is kept at zero or above
     * @return the weights, then the intercept as the last element
     */
    static double[] fit(double[][] x, boolean[] y, double[] prior, double lambda, boolean nonNegative) {
        int d = prior.length;
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        if (positives == 0 || positives == y.length) {
            throw new IllegalArgumentException("needs both classes, got " + positives + " of " + y.length + " positive");
        }
        // Classes balanced: each weighs n / (2·n_class), so that both count alike.
        double kPos = y.length / (2.0 * positives);
        double kNeg = y.length / (2.0 * (y.length - positives));
        double[] free = fit(x, y, prior, lambda, new boolean[d], kPos, kNeg);
        if (!nonNegative || java.util.Arrays.stream(free, 0, d).allMatch(w -> w >= 0)) {
            return free;
        }
        double[] best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        for (int face = 1; face < 1 << d; face++) {
            boolean[] zero = new boolean[d];
            for (int j = 0; j < d; j++) {
                zero[j] = (face >> j & 1) == 1;
            }
            double[] theta = fit(x, y, prior, lambda, zero, kPos, kNeg);
            if (java.util.Arrays.stream(theta, 0, d).anyMatch(w -> w < 0)) {
                continue;
            }
            double objective = objective(x, y, theta, prior, lambda, kPos, kNeg);
            if (objective < bestObjective) {
                best = theta;
                bestObjective = objective;
            }
        }
        return best; // never null: the face with every weight at zero is feasible
    }

    /** The unconstrained optimum with the weights marked in {@code zero} held at zero. */
    private static double[] fit(double[][] x, boolean[] y, double[] prior, double lambda, boolean[] zero, double kPos, double kNeg) {
        int d = prior.length;
        int n = x.length;
        double[] theta = new double[d + 1];
        for (int j = 0; j < d; j++) {
            theta[j] = zero[j] ? 0 : prior[j];
        }
        double objective = objective(x, y, theta, prior, lambda, kPos, kNeg);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double z = theta[d];
                for (int j = 0; j < d; j++) {
                    z += theta[j] * x[i][j];
                }
                double p = 1 / (1 + Math.exp(-z));
                double k = y[i] ? kPos : kNeg;
                double r = k * (p - (y[i] ? 1 : 0));
                double h = k * p * (1 - p);
                for (int a = 0; a <= d; a++) {
                    double xa = a < d ? x[i][a] : 1;
                    gradient[a] += r * xa;
                    for (int b = 0; b <= d; b++) {
                        hessian[a][b] += h * xa * (b < d ? x[i][b] : 1);
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                gradient[j] += lambda * (theta[j] - prior[j]);
                hessian[j][j] += lambda;
            }
            hessian[d][d] += 1e-9; // keeps the system solvable when every row scores alike
            for (int j = 0; j < d; j++) {
                if (zero[j]) { // a held weight takes no step
                    java.util.Arrays.fill(hessian[j], 0);
                    for (double[] row : hessian) {
                        row[j] = 0;
                    }
                    hessian[j][j] = 1;
                    gradient[j] = 0;
                }
            }
            double[] step = solve(hessian, gradient);
            // Backtracking: Newton's full step, halved until the objective does not rise.
            double t = 1;
            double[] next = new double[d + 1];
            double nextObjective;
            do {
                for (int a = 0; a <= d; a++) {
                    next[a] = theta[a] - t * step[a];
                }
                nextObjective = objective(x, y, next, prior, lambda, kPos, kNeg);
                t /= 2;
            } while (nextObjective > objective && t > 1e-8);
            double change = objective - nextObjective;
            theta = next.clone();
            objective = nextObjective;
            if (Math.abs(change) < TOLERANCE * Math.max(1, Math.abs(objective))) {
                break;
            }
        }
        return theta;
    }

    static double objective(double[][] x, boolean[] y, double[] theta, double[] prior, double lambda, double kPos, double kNeg) {
        int d = prior.length;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = theta[d];
            for (int j = 0; j < d; j++) {
                z += theta[j] * x[i][j];
            }
            double margin = y[i] ? z : -z;
            // log(1 + exp(-margin)), computed without overflow
            sum += (y[i] ? kPos : kNeg) * (margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin)));
        }
        for (int j = 0; j < d; j++) {
            sum += lambda / 2 * (theta[j] - prior[j]) * (theta[j] - prior[j]);
        }
        return sum;
    }

    /** Gaussian elimination with partial pivoting; the matrix is small and positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] out = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * out[c];
            }
            out[r] = s / m[r][r];
        }
        return out;
    }
}
