/* bench.c: the clock, the interleaved measurement and the tables shared by
 * the benchmark programs (see bench.h). */
#define _POSIX_C_SOURCE 200809L
#include "bench.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Results are folded into this, so no call can be optimized away. */
volatile uint64_t bench_sink;

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("bench: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(2);
}

/* ---- Options ---------------------------------------------------------------- */

void bench_parse_args(int argc, char **argv, bench_opts *o) {
  memset(o, 0, sizeof *o);
  o->rounds = 11;
  o->batch_ns = 2e6;
  o->slow_ns = 2e8;
  o->very_slow_ns = 2e9;
  o->data_dir = NULL;
  o->sizes = bench_sizes;
  o->run_speed = o->run_scaling = 1;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--data") == 0 && i + 1 < argc) {
      o->data_dir = argv[++i];
    } else if (strcmp(a, "--rounds") == 0 && i + 1 < argc) {
      char *end;
      errno = 0;
      unsigned long v = strtoul(argv[++i], &end, 10);
      if (errno || *end || v < 1 || v > 1000) die("--rounds wants 1 to 1000, not %s", argv[i]);
      o->rounds = (unsigned)v;
    } else if (strcmp(a, "--quick") == 0) {
      o->quick = 1;
      o->rounds = 5;
      o->batch_ns = 1e6;
    } else if (strcmp(a, "--smoke") == 0) {
      static const bench_size smoke_sizes[BENCH_SIZES] = {
          {1024, "1 KB"}, {4 * 1024, "4 KB"}, {16 * 1024, "16 KB"}, {64 * 1024, "64 KB"}};
      o->smoke = 1;
      o->rounds = 1;
      o->batch_ns = 0;
      o->sizes = smoke_sizes;
    } else if (strcmp(a, "--only") == 0 && i + 1 < argc) {
      const char *w = argv[++i];
      o->run_speed = strcmp(w, "speed") == 0;
      o->run_scaling = strcmp(w, "scaling") == 0;
      if (!o->run_speed && !o->run_scaling) die("--only wants speed or scaling, not %s", w);
    } else {
      fprintf(stderr,
              "usage: %s --data TESTS_DATA_DIR [--rounds N] [--quick | --smoke] "
              "[--only speed|scaling]\n",
              argv[0]);
      exit(2);
    }
  }
  if (o->data_dir == NULL) die("--data DIR (the source tree's tests/data) is required");
}

/* ---- Measurement ------------------------------------------------------------ */

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* run_batch calls the slot's parser |iters| times; returns ns per call. */
static double run_batch(const bench_slot *s, unsigned long iters) {
  uint64_t acc = 0;
  double t0 = now_ns();
  for (unsigned long i = 0; i < iters; i++) {
    acc += (uint64_t)(unsigned)s->c->fn(s->c->ctx, s->data, s->len);
  }
  double t1 = now_ns();
  bench_sink += acc;
  return (t1 - t0) / (double)iters;
}

/* check makes the one call whose result decides whether |s| is timed, and
 * returns how long it took. */
static double check(bench_slot *s) {
  s->why[0] = '\0';
  double t0 = now_ns();
  int rc = s->c->fn(s->c->ctx, s->data, s->len);
  double took = now_ns() - t0;
  char reason[128] = "";
  if (rc != 0) {
    if (s->c->explain != NULL) {
      s->c->explain(s->c->ctx, rc, reason, sizeof reason);
    } else {
      snprintf(reason, sizeof reason, "returned %d", rc);
    }
  }
  if (s->expect_reject) {
    s->ok = rc != 0;
    snprintf(s->why, sizeof s->why, "%s", rc != 0 ? reason : "accepted (a rejection was expected)");
  } else {
    s->ok = rc == 0;
    snprintf(s->why, sizeof s->why, "%s", reason);
  }
  return took;
}

void bench_measure(bench_slot *slots, size_t n, const bench_opts *o) {
  unsigned long *iters = calloc(n, sizeof *iters);
  unsigned *want = calloc(n, sizeof *want);
  double *samples = calloc(n * o->rounds, sizeof *samples);
  if (!iters || !want || !samples) die("out of memory");
  /* Check, then calibrate: the checking call gives the order of magnitude
   * (and is the one sample of a call slower than very_slow_ns); a batch of
   * 16 refines it when calls are quick. */
  for (size_t i = 0; i < n; i++) {
    bench_slot *s = &slots[i];
    double one = check(s);
    s->rounds = 0;
    if (!s->ok) continue;
    if (one > o->very_slow_ns) {
      samples[i * o->rounds] = one;
      s->rounds = want[i] = 1;
      continue;
    }
    one = run_batch(s, 1);
    if (one < o->batch_ns / 16) one = run_batch(s, 16);
    if (one <= 0) one = 1;
    double k = o->batch_ns / one;
    iters[i] = k < 1 ? 1 : (unsigned long)k;
    want[i] = one > o->slow_ns ? (o->rounds < 3 ? o->rounds : 3) : o->rounds;
  }
  for (unsigned r = 0; r < o->rounds; r++) {
    for (size_t k = 0; k < n; k++) {
      size_t i = (r + k) % n; /* rotate who goes first */
      bench_slot *s = &slots[i];
      if (!s->ok || s->rounds >= want[i]) continue;
      samples[i * o->rounds + s->rounds++] = run_batch(s, iters[i]);
    }
  }
  for (size_t i = 0; i < n; i++) {
    bench_slot *s = &slots[i];
    if (!s->ok) continue;
    double *v = &samples[i * o->rounds];
    qsort(v, s->rounds, sizeof *v, cmp_double);
    s->best_ns = v[0];
    s->median_ns = s->rounds % 2 ? v[s->rounds / 2] : (v[s->rounds / 2 - 1] + v[s->rounds / 2]) / 2;
  }
  free(iters);
  free(want);
  free(samples);
}

static int memchr_lines(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  size_t lines = 0;
  const uint8_t *p = data, *end = data + len;
  while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
    lines++;
    p++;
  }
  bench_sink += lines;
  return 0;
}

const bench_contender bench_memchr = {"memchr", memchr_lines, NULL, NULL};

/* ---- Inputs ------------------------------------------------------------------ */

uint8_t *bench_read_file(const char *dir, const char *name, size_t *out_len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  if (f == NULL) die("cannot open %s: %s", path, strerror(errno));
  bench_buf b = {NULL, 0, 0};
  uint8_t chunk[65536];
  size_t got;
  while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) bench_buf_put(&b, chunk, got);
  if (ferror(f)) die("cannot read %s", path);
  fclose(f);
  /* An exact-size copy: a parser reading past the end reads past the block. */
  uint8_t *exact = malloc(b.len ? b.len : 1);
  if (exact == NULL) die("out of memory");
  if (b.len) memcpy(exact, b.p, b.len);
  *out_len = b.len;
  bench_buf_free(&b);
  return exact;
}

/* ---- Tables ------------------------------------------------------------------ */

static int row_cells; /* cells written on the current row */

void bench_table(const char *id, const char *title) {
  printf("#table %s\t%s\n", id, title);
  fflush(stdout);
}

void bench_note(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("#note ", stdout);
  vprintf(fmt, ap);
  fputc('\n', stdout);
  va_end(ap);
}

void bench_cell(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (row_cells++) fputc('\t', stdout);
  vprintf(fmt, ap);
  va_end(ap);
}

void bench_row_end(void) {
  fputc('\n', stdout);
  fflush(stdout);
  row_cells = 0;
}

const char *bench_fmt_ns(double ns, char *out, size_t cap) {
  if (ns >= 1e9) {
    snprintf(out, cap, "%.2f s", ns / 1e9);
  } else if (ns >= 1e6) {
    snprintf(out, cap, "%.2f ms", ns / 1e6);
  } else if (ns >= 1e4) {
    snprintf(out, cap, "%.1f us", ns / 1e3);
  } else if (ns >= 100) {
    snprintf(out, cap, "%.0f", ns);
  } else {
    snprintf(out, cap, "%.1f", ns);
  }
  return out;
}

/* ---- Table 1: parse speed ---------------------------------------------------- */

static void cell_ns(double ns) {
  char t[32];
  bench_cell("%s", bench_fmt_ns(ns, t, sizeof t));
}

void bench_speed_begin(bench_speed *sp, const char *id, const char *title,
                       const bench_contender *const *cs, size_t n) {
  if (n < 2 || n > BENCH_MAX_CONTENDERS) {
    die("a speed table needs 2 to %d contenders", BENCH_MAX_CONTENDERS);
  }
  memset(sp, 0, sizeof *sp);
  sp->cs = cs;
  sp->n = n;
  bench_table(id, title);
  bench_cell("input");
  bench_cell("bytes");
  bench_cell("memchr ns");
  bench_cell("%s ns best", cs[1]->name);
  bench_cell("median");
  bench_cell("MB/s");
  for (size_t i = 2; i < n; i++) {
    bench_cell("%s ns best", cs[i]->name);
    bench_cell("median");
    bench_cell("MB/s");
    bench_cell("%s/ours", cs[i]->name);
  }
  bench_row_end();
}

void bench_speed_row(bench_speed *sp, const char *label, const uint8_t *data, size_t len,
                     const bench_opts *o) {
  bench_slot slots[BENCH_MAX_CONTENDERS];
  memset(slots, 0, sizeof slots);
  for (size_t i = 0; i < sp->n; i++) {
    slots[i].c = sp->cs[i];
    slots[i].data = data;
    slots[i].len = len;
  }
  bench_measure(slots, sp->n, o);
  bench_cell("%s", label);
  bench_cell("%zu", len);
  if (slots[0].ok) {
    cell_ns(slots[0].best_ns);
  } else {
    bench_cell("-");
  }
  const bench_slot *ours = &slots[1];
  if (ours->ok) {
    cell_ns(ours->best_ns);
    cell_ns(ours->median_ns);
    bench_cell("%.0f", (double)len / ours->best_ns * 1e3);
  } else {
    bench_cell("FAILED: %s", ours->why);
    bench_cell("-");
    bench_cell("-");
  }
  for (size_t i = 2; i < sp->n; i++) {
    const bench_slot *s = &slots[i];
    if (!s->ok) {
      bench_cell("failed: %s", s->why);
      bench_cell("-");
      bench_cell("-");
      bench_cell("-");
      continue;
    }
    cell_ns(s->best_ns);
    cell_ns(s->median_ns);
    bench_cell("%.0f", (double)len / s->best_ns * 1e3);
    if (ours->ok) {
      double ratio = s->best_ns / ours->best_ns;
      bench_cell("%.1fx", ratio);
      sp->log_ratio_sum[i] += log(ratio);
      sp->ratio_count[i]++;
    } else {
      bench_cell("-");
    }
  }
  bench_row_end();
}

void bench_speed_end(const bench_speed *sp) {
  for (size_t i = 2; i < sp->n; i++) {
    if (sp->ratio_count[i] == 0) {
      bench_note("%s: no input that both parsers accept", sp->cs[i]->name);
      continue;
    }
    bench_note("%s/ours, geometric mean over the %u inputs both accept: %.2fx "
               "(above 1: ours is faster)",
               sp->cs[i]->name, sp->ratio_count[i],
               exp(sp->log_ratio_sum[i] / sp->ratio_count[i]));
  }
}

/* ---- Table 2: scaling --------------------------------------------------------- */

const bench_size bench_sizes[BENCH_SIZES] = {
    {1024, "1 KB"}, {10 * 1024, "10 KB"}, {100 * 1024, "100 KB"}, {1024 * 1024, "1 MB"}};

void bench_scaling_header(const bench_opts *o) {
  bench_cell("family");
  bench_cell("parser");
  for (size_t i = 0; i < BENCH_SIZES; i++) bench_cell("%s ns/B", o->sizes[i].name);
  bench_cell("largest/smallest");
  bench_cell("verdict");
  bench_row_end();
}

static const char *fmt_bytes(size_t n, char *out, size_t cap) {
  if (n >= 1024 * 1024) {
    snprintf(out, cap, "%.2f MB", (double)n / (1024 * 1024));
  } else if (n >= 1024) {
    snprintf(out, cap, "%.1f KB", (double)n / 1024);
  } else {
    snprintf(out, cap, "%zu B", n);
  }
  return out;
}

/* A linear parser's ns/byte is flat (fixed costs make small inputs a little
 * dearer per byte, caches large ones); a quadratic one grows about as the
 * size does (1024 times from 1 KB to 1 MB). Above this ratio the verdict
 * gives the exponent e of a cost that grows as n^e. */
#define BENCH_LINEAR_MAX 2.0

void bench_scaling_family(const bench_family *f, const bench_contender *const *cs, size_t n,
                          const bench_opts *o) {
  bench_buf full[BENCH_SIZES], capped = {NULL, 0, 0};
  size_t full_units[BENCH_SIZES];
  for (size_t s = 0; s < BENCH_SIZES; s++) {
    full[s] = (bench_buf){NULL, 0, 0};
    full_units[s] = f->build(&full[s], o->sizes[s].bytes, SIZE_MAX);
  }
  /* Where our limit cuts in: the first size it cannot reach is replaced by
   * the largest input the limit allows; the sizes after it are run in full,
   * expecting the limit's rejection. */
  size_t cut = BENCH_SIZES;
  if (f->ours_max_units) {
    for (size_t s = 0; s < BENCH_SIZES && cut == BENCH_SIZES; s++) {
      if (full_units[s] > f->ours_max_units) cut = s;
    }
    if (cut < BENCH_SIZES) f->build(&capped, o->sizes[cut].bytes, f->ours_max_units);
  }
  enum { M = BENCH_MAX_CONTENDERS };
  double nspb[BENCH_SIZES][M];
  int state[BENCH_SIZES][M]; /* 0 failed, 1 accepted, 2 rejected as expected */
  char why[BENCH_SIZES][M][160];
  size_t lens[BENCH_SIZES][M];
  unsigned timed[BENCH_SIZES][M];
  if (n > M) die("too many contenders");
  for (size_t s = 0; s < BENCH_SIZES; s++) {
    bench_slot slots[M];
    memset(slots, 0, sizeof slots);
    for (size_t i = 0; i < n; i++) {
      slots[i].c = cs[i];
      slots[i].data = full[s].p;
      slots[i].len = full[s].len;
    }
    if (s == cut) {
      slots[0].data = capped.p;
      slots[0].len = capped.len;
    } else if (s > cut) {
      slots[0].expect_reject = 1;
    }
    bench_measure(slots, n, o);
    for (size_t i = 0; i < n; i++) {
      lens[s][i] = slots[i].len;
      timed[s][i] = slots[i].rounds;
      state[s][i] = !slots[i].ok ? 0 : slots[i].expect_reject ? 2 : 1;
      nspb[s][i] = slots[i].ok ? slots[i].best_ns / (double)slots[i].len : 0;
      snprintf(why[s][i], sizeof why[s][i], "%s", slots[i].why);
    }
  }
  for (size_t i = 0; i < n; i++) {
    bench_cell("%s", f->name);
    bench_cell("%s", cs[i]->name);
    int first = -1, last = -1;
    for (size_t s = 0; s < BENCH_SIZES; s++) {
      char b[32];
      if (state[s][i] == 1) {
        if (first < 0) first = (int)s;
        last = (int)s;
        char runs[24] = "";
        if (timed[s][i] < o->rounds) {
          snprintf(runs, sizeof runs, ", %u run%s", timed[s][i], timed[s][i] == 1 ? "" : "s");
        }
        if (i == 0 && s == cut) {
          bench_cell("%.3f (%s, at limit%s)", nspb[s][i], fmt_bytes(lens[s][i], b, sizeof b), runs);
        } else if (runs[0]) {
          bench_cell("%.3f (%s)", nspb[s][i], runs + 2);
        } else {
          bench_cell("%.3f", nspb[s][i]);
        }
      } else if (state[s][i] == 2) {
        bench_cell("past limit");
      } else {
        bench_cell("failed");
      }
    }
    if (first >= 0 && last > first) {
      double ratio = nspb[last][i] / nspb[first][i];
      bench_cell("%.2f", ratio);
      if (ratio <= BENCH_LINEAR_MAX) {
        bench_cell("linear");
      } else {
        /* The cost grows as n^e: ns/byte grew by |ratio| while the size
         * grew by lens[last]/lens[first]. */
        double e = 1 + log(ratio) / log((double)lens[last][i] / (double)lens[first][i]);
        bench_cell("NOT LINEAR: ~n^%.2f%s", e, e >= 1.5 ? ", quadratic-like" : "");
      }
    } else {
      bench_cell("-");
      bench_cell("-");
    }
    bench_row_end();
  }
  /* Notes: what the family is, where our limit cut in, every failure. */
  char b1[32], b2[32];
  bench_note("%s: %s.", f->name, f->what);
  if (cut < BENCH_SIZES) {
    bench_note("%s, ours: %s allows %zu units (%s); larger inputs are refused.", f->name,
               f->limit, f->ours_max_units, fmt_bytes(capped.len, b1, sizeof b1));
    for (size_t s = cut + 1; s < BENCH_SIZES; s++) {
      if (state[s][0] == 2) {
        double us = nspb[s][0] * (double)lens[s][0] / 1e3;
        bench_note("%s, ours at %s: rejected (%s) in %.1f us", f->name,
                   fmt_bytes(lens[s][0], b2, sizeof b2), why[s][0], us);
      }
    }
  }
  for (size_t i = 0; i < n; i++) {
    for (size_t s = 0; s < BENCH_SIZES; s++) {
      if (state[s][i] == 0) {
        bench_note("%s, %s at %s: %s", f->name, cs[i]->name, fmt_bytes(lens[s][i], b1, sizeof b1),
                   why[s][i]);
      }
    }
  }
  for (size_t s = 0; s < BENCH_SIZES; s++) bench_buf_free(&full[s]);
  bench_buf_free(&capped);
}
