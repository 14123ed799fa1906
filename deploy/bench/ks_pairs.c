/* The naive anchor of the KS pair sum (issue 15): S_p = sum_q (x_p - x_q) / (|x_p - x_q|^2 + delta^2)^(3/2) in
 * float32 over structure-of-arrays positions, d = 3, every ordered pair, targets split over OpenMP threads.
 * Prints effective pairs/s (P^2 per evaluation over the median wall time) as `bench simulate` counts them.
 * Build: gcc -O3 -march=native -fopenmp [-ffast-math] ks_pairs.c -o ks_pairs -lm ; run: ./ks_pairs [P] [repeats] */
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b) {
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 10000;
  int repeats = argc > 2 ? atoi(argv[2]) : 20;
  float *x = malloc(sizeof(float) * n), *y = malloc(sizeof(float) * n), *z = malloc(sizeof(float) * n);
  float *sx = malloc(sizeof(float) * n), *sy = malloc(sizeof(float) * n), *sz = malloc(sizeof(float) * n);
  srand(2025);
  for (int i = 0; i < n; i++) { /* uniform in the unit ball, as BallSampler */
    float a, b, c;
    do {
      a = 2.0f * rand() / RAND_MAX - 1; b = 2.0f * rand() / RAND_MAX - 1; c = 2.0f * rand() / RAND_MAX - 1;
    } while (a * a + b * b + c * c > 1);
    x[i] = a; y[i] = b; z[i] = c;
  }
  const float d2 = 0.05f * 0.05f;
  double *t = malloc(sizeof(double) * (repeats + 5));
  for (int r = 0; r < repeats + 5; r++) {
    double t0 = omp_get_wtime();
#pragma omp parallel for schedule(static)
    for (int p = 0; p < n; p++) {
      float ax = 0, ay = 0, az = 0;
      for (int q = 0; q < n; q++) {
        float dx = x[p] - x[q], dy = y[p] - y[q], dz = z[p] - z[q];
        float s = dx * dx + dy * dy + dz * dz + d2;
        float w = 1.0f / (s * sqrtf(s));
        ax += dx * w; ay += dy * w; az += dz * w;
      }
      sx[p] = ax; sy[p] = ay; sz[p] = az;
    }
    t[r] = omp_get_wtime() - t0;
  }
  qsort(t + 5, repeats, sizeof(double), cmp); /* the first 5 are warm-up */
  double median = t[5 + repeats / 2];
  double check = 0;
  for (int p = 0; p < n; p++) check += sx[p] + sy[p] + sz[p];
  printf("c kernel P=%d threads=%d: %.3e pairs/s, %.4f s per evaluation (net %.2e)\n", n, omp_get_max_threads(),
      (double) n * n / median, median, check);
  return 0;
}
