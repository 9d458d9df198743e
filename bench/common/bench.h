/* bench.h: what the three benchmark programs (bench_sip, bench_mime,
 * bench_cms) share: the clock, the interleaved measurement, the tables they
 * print and the inputs read from the tree. The generated inputs (the
 * scaling families) and their buffer are in families.h.
 *
 * Measurement. Every contender (a parser, or the memchr floor) is a function
 * that parses one input and returns 0 on success. Before anything is timed,
 * each contender parses its input once and the result is checked: a failure
 * is reported (with the parser's own reason) and that contender is not
 * timed. Then, for each of --rounds rounds, every contender runs one batch
 * of calls (sized at calibration so a batch lasts about batch_ns), the
 * contenders in a rotating order, so all of them share the machine state of
 * every round. A batch is timed with clock_gettime(CLOCK_MONOTONIC); the
 * per-call times of the rounds give the best (minimum) and the median.
 *
 * Output. Each program writes its tables to stdout as tab-separated rows
 * under a "#table <id>\t<title>" line, with "#note <text>" lines after the
 * rows; scripts/bench aligns them for the terminal and turns them into
 * Markdown for bench/results/latest.md. */
#ifndef SF_BENCH_H
#define SF_BENCH_H

#include <stddef.h>
#include <stdint.h>

#include "families.h"

/* ---- Contenders and measurement ----------------------------------------- */

/* bench_fn parses [data, data+len) once; returns 0 on success, otherwise a
 * code that the contender's explain() turns into words. */
typedef int (*bench_fn)(void *ctx, const uint8_t *data, size_t len);
/* bench_explain writes why code |rc| failed (after a call that returned it). */
typedef void (*bench_explain)(void *ctx, int rc, char *out, size_t cap);

typedef struct bench_contender {
  const char *name; /* column title: "ours", "libosip2", "memchr", ... */
  bench_fn fn;
  bench_explain explain; /* may be NULL: the code is printed */
  void *ctx;
} bench_contender;

/* One contender on one input. */
typedef struct bench_slot {
  const bench_contender *c;
  const uint8_t *data;
  size_t len;
  /* expect_reject: the parse is expected to fail (an input past a limit):
   * the check passes on failure and the rejection is what gets timed. */
  int expect_reject;
  /* Results */
  int ok;            /* the check passed and the slot was timed */
  char why[160];     /* the check's outcome in words: failure reason, or the
                        rejection's reason when expect_reject */
  double best_ns;    /* per call */
  double median_ns;
  unsigned rounds;   /* rounds timed (fewer than asked for very slow calls) */
} bench_slot;

/* The sizes every scaling family is built at (table 2). */
#define BENCH_SIZES 4
typedef struct bench_size {
  size_t bytes;
  const char *name; /* "1 KB" */
} bench_size;

typedef struct bench_opts {
  unsigned rounds;     /* default 11; --quick 5; --smoke 1 */
  double batch_ns;     /* target length of one batch; default 2 ms, --quick 1 ms,
                          --smoke 0 (every batch is one call) */
  double slow_ns;      /* a call longer than this is timed for only 3 rounds */
  double very_slow_ns; /* ... and longer than this, only the checking call
                          is timed (one sample) */
  const char *data_dir; /* tests/data of the source tree */
  int quick;
  /* --smoke: one round of single calls, and the scaling families at 1, 4,
   * 16 and 64 KB: every table with every row, in seconds, to check that
   * the programs run (tests/bench_smoke.py); the figures mean nothing. */
  int smoke;
  const bench_size *sizes; /* BENCH_SIZES of them, smallest first */
  int run_speed;   /* table 1 */
  int run_scaling; /* table 2 */
} bench_opts;

/* bench_parse_args fills |o| from the command line shared by the three
 * programs: --data DIR, --rounds N, --quick, --smoke, --only speed|scaling.
 * Exits with a usage message on anything else. */
void bench_parse_args(int argc, char **argv, bench_opts *o);

/* bench_measure checks then times the |n| slots, interleaved (see above). */
void bench_measure(bench_slot *slots, size_t n, const bench_opts *o);

/* The memchr floor: one memchr() pass over the bytes, counting LF (each
 * byte is looked at once, the least any parser that reads lines can do). */
extern const bench_contender bench_memchr;

/* ---- Inputs ---------------------------------------------------------------- */

/* bench_read_file reads |dir|/|name| into a new heap buffer of exactly its
 * size; exits with a message if it cannot. */
uint8_t *bench_read_file(const char *dir, const char *name, size_t *out_len);

/* ---- Tables ---------------------------------------------------------------- */

/* bench_table starts a table: "#table id\ttitle". */
void bench_table(const char *id, const char *title);
/* bench_note adds a "#note" line to the current table. */
void bench_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* bench_cell appends one cell to the row being built; bench_row_end ends it. */
void bench_cell(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void bench_row_end(void);

/* bench_fmt_ns formats a time in ns with a sensible number of digits. */
const char *bench_fmt_ns(double ns, char *out, size_t cap);

/* ---- The speed table (table 1) --------------------------------------------- */

/* bench_speed is one speed table: its contenders (cs[0] the memchr floor,
 * cs[1] ours, the rest peers) and the running sums for its summary. */
#define BENCH_MAX_CONTENDERS 8
typedef struct bench_speed {
  const bench_contender *const *cs;
  size_t n;
  double log_ratio_sum[BENCH_MAX_CONTENDERS];
  unsigned ratio_count[BENCH_MAX_CONTENDERS];
} bench_speed;

/* bench_speed_begin starts table |id| with its title and header row. */
void bench_speed_begin(bench_speed *sp, const char *id, const char *title,
                       const bench_contender *const *cs, size_t n);
/* bench_speed_row times every contender on [data, data+len) and prints the
 * row: input, bytes, memchr ns, ours best/median ns and MB/s (at the best
 * time), then for each peer the same and the ratio of the best times
 * peer/ours (or the peer's failure). */
void bench_speed_row(bench_speed *sp, const char *label, const uint8_t *data, size_t len,
                     const bench_opts *o);
/* bench_speed_end prints the geometric mean of each peer's ratios as a note. */
void bench_speed_end(const bench_speed *sp);

/* ---- The scaling table (table 2) ------------------------------------------- */

/* The sizes of a real run: 1 KB, 10 KB, 100 KB, 1 MB. */
extern const bench_size bench_sizes[BENCH_SIZES];

/* bench_scaling_header prints the scaling table's header row (o->sizes). */
void bench_scaling_header(const bench_opts *o);
/* bench_scaling_family runs |f| at every size of o->sizes through |cs[0..n)|: cs[0] is
 * ours (which gets the input capped at its limit, and past it the full
 * input expecting a rejection), the others get the full inputs. Prints one
 * row per contender: ns per byte (best) at each size, the ratio of the
 * largest accepted size's ns/byte to the smallest's, and notes. */
void bench_scaling_family(const bench_family *f, const bench_contender *const *cs, size_t n,
                          const bench_opts *o);

#endif /* SF_BENCH_H */
