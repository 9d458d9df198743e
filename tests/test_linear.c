/* test_linear.c: every adversarial family of scripts/bench's scaling table
 * (bench/common/families.c), at 4 MB, through our parser for it, with the
 * verdict each must get. A regression guard for linear cost that times
 * nothing: at 4 MB a parser that rescans what it has read, even only once
 * per line, needs 10^11 to 10^13 steps, which no run finishes within this
 * test's CTest time-out (tests/CMakeLists.txt), while the linear parsers
 * take a few seconds in all, under ASan. The speed itself is
 * scripts/bench's business.
 *
 * For each family:
 *   - without a limit: the 4 MB input parses;
 *   - with one (ours_max_units): the input with exactly that many units
 *     parses, one unit more fails with the family's limit code, and the
 *     full 4 MB input fails too (early: the limit cuts it short).
 * Inputs go through sf_guard, so an over-read faults even without ASan. */
#include <stdint.h>
#include <stdlib.h>

#include "der_check.h"
#include "families.h"
#include "sf/cms.h"
#include "sf/mime.h"
#include "sf/sip.h"
#include "testlib.h"

#define SIZE (4 * 1024 * 1024)

static sf_sip_msg msg;
static sf_mime_tree tree;
static sf_cms cms;

/* parse runs our parser for |kind| on the input; returns its status and
 * the name of that status in |*name|. */
static int parse(int kind, const uint8_t *data, size_t len, const char **name) {
  sf_error err;
  int rc = -1;
  switch (kind) {
    case BENCH_SIP:
      rc = sf_sip_parse(data, len, SF_SIP_INTEROP, &msg, &err);
      *name = sf_sip_status_name(rc);
      break;
    case BENCH_MIME: {
      sf_slice ct, body;
      CHECK(bench_mime_split(data, len, &ct, &body));
      rc = sf_mime_parse(data, ct, body, SF_MIME_INTEROP, &tree, &err);
      *name = sf_mime_status_name(rc);
      break;
    }
    case BENCH_DER:
    case BENCH_BER: {
      sf_der_state st;
      sf_der d;
      sf_der_init(&d, &st, data, len, kind == BENCH_BER ? SF_DER_BER : 0);
      rc = sf_walk_tree(&d, NULL);
      *name = sf_der_status_name(rc);
      break;
    }
    case BENCH_CMS:
      rc = sf_cms_parse(data, len, SF_CMS_ALLOW_BER, &cms, &err);
      *name = sf_cms_status_name(rc);
      break;
  }
  return rc;
}

/* expect builds |f| (|target| bytes, at most |max_units|) and checks that
 * our parser returns |want|, or fails in any way when |want| < 0. */
static void expect(const bench_family *f, size_t target, size_t max_units, int want,
                   const char *what) {
  bench_buf b = {NULL, 0, 0};
  f->build(&b, target, max_units);
  const char *name = "?";
  int rc = parse(f->kind, sf_guard(b.p, b.len), b.len, &name);
  sf_test_checks++;
  if (want < 0 ? rc == 0 : rc != want) {
    sf_test_failures++;
    fprintf(stderr, "[%s] %s (%zu bytes): got %s, want %s\n", f->name, what, b.len, name,
            want < 0 ? "a failure" : want == 0 ? "OK" : "the limit's code");
  }
  bench_buf_free(&b);
}

static void run_family(const bench_family *f) {
  sf_test_current = f->name;
  if (f->ours_max_units == 0) {
    expect(f, SIZE, SIZE_MAX, 0, "4 MB");
    return;
  }
  /* The limit: exactly at it, one unit past it, and far past it. */
  expect(f, SIZE_MAX, f->ours_max_units, 0, "at the limit");
  expect(f, SIZE_MAX, f->ours_max_units + 1, f->limit_code, "one unit past the limit");
  bench_buf b = {NULL, 0, 0};
  if (f->build(&b, SIZE, SIZE_MAX) > f->ours_max_units) expect(f, SIZE, SIZE_MAX, -1, "4 MB");
  bench_buf_free(&b);
}

int main(void) {
  const struct {
    const bench_family *list;
    size_t count;
  } tables[] = {{bench_sip_families, bench_sip_family_count},
                {bench_mime_families, bench_mime_family_count},
                {bench_der_families, bench_der_family_count}};
  size_t families = 0;
  for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
    for (size_t i = 0; i < tables[t].count; i++, families++) run_family(&tables[t].list[i]);
  }
  sf_test_current = "all";
  CHECK(families >= 12); /* the families of docs/performance.md */
  return sf_test_finish();
}
