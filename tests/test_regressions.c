/* test_regressions.c: the expected outcome of every seeded regression input
 * in crashes/ (see crashes/INDEX.tsv), one row each.
 *
 * These inputs are written in the shapes that crashed other SIP, MIME and
 * CMS implementations; scripts/replay runs them through the fuzz targets
 * under ASan+UBSan (no crash), and this test pins the exact verdict the
 * parser gives, so a change in behaviour on any of them is noticed. The test
 * also fails if crashes/INDEX.tsv lists a file with no row here. */
#include <stdlib.h>
#include <string.h>

#include "sip_test_util.h"

enum parse_kind { SIP_DATAGRAM, SIP_URI };

typedef struct {
  const char *file; /* under crashes/ */
  const char *shape;
  enum parse_kind kind;
  int status;
  const char *at; /* marker substring: the error offset is where it starts... */
  long delta;     /* ...plus this */
} regression;

#define SIP(x) SF_SIP_##x
/* clang-format off */
static const regression table[] = {
  {"sip_message/3e0ed187a595f2cc161028c5f36de4b97f08a332", "From URI with no scheme: <//x>",
   SIP_DATAGRAM, SIP(BAD_URI_SCHEME), "//x>", 0},
  {"sip_message/88d85e04775b349460675157e3ae90d7a6b1741d", "quoted display name ending in a lone backslash at the end of the buffer",
   SIP_DATAGRAM, SIP(TRUNCATED), "\\", 1},
  {"sip_message/6f6783f3520f5479a7ef849d70531234c45703b0", "control byte before a header colon",
   SIP_DATAGRAM, SIP(BAD_HEADER_NAME), "\x01", 0},
  {"sip_message/4554eb80d05d1aeab52f05c085c636b33e01513a", "white space before the colon (legal HCOLON)",
   SIP_DATAGRAM, SIP(OK), NULL, 0},
  {"sip_message/405c2314b5b96252c22b9599eedf39f8b6364ac6", "Content-Length above 2^32",
   SIP_DATAGRAM, SIP(CONTENT_LENGTH_OVERFLOW), "4294967296", 0},
  {"sip_message/598e7950c24ea770a2e806e51af8bfd4ef542ee3", "negative Content-Length",
   SIP_DATAGRAM, SIP(NEGATIVE_CONTENT_LENGTH), "Length: -1", 8},
  {"sip_message/71dc83e6a45a6441fcaab8db3069e039ba4b6fbc", "two conflicting Content-Length headers",
   SIP_DATAGRAM, SIP(CONFLICTING_CONTENT_LENGTH), "l: 5", 3},
  {"sip_message/ff567ee29c58165b84cabbcd2884c08dff1731c1", "256-byte From tag",
   SIP_DATAGRAM, SIP(OK), NULL, 0},
  {"sip_message/6db33bc9b6da2a68bba6c83c17232605614cc1ac", "256-byte Via branch",
   SIP_DATAGRAM, SIP(OK), NULL, 0},
  {"sip_uri/2ee8ce10a94f0f393d19889c76acbb955ec030ca", "URI ending in %",
   SIP_URI, SIP(BAD_ESCAPE), "%", 0},
  {"sip_uri/20891b03d9d00879672fa4be2f7f58b4a7cf64e7", "URI ending in %4",
   SIP_URI, SIP(BAD_ESCAPE), "%", 0},
};
/* clang-format on */
#define ROWS (sizeof table / sizeof table[0])

static sf_sip_msg msg;

static void check_row(const regression *r) {
  char rel[256];
  snprintf(rel, sizeof rel, "crashes/%s", r->file);
  size_t len = 0;
  uint8_t *raw = sf_read_file(sf_source_path(rel), &len);
  if (raw == NULL) return;
  const uint8_t *in = sf_guard(raw, len);
  sf_error err = {0, 0, NULL};
  int got = -1;
  switch (r->kind) {
    case SIP_DATAGRAM:
      got = sf_sip_parse(in, len, 0, &msg, &err);
      break;
    case SIP_URI: {
      static sf_sip_uri uri;
      got = sf_sip_parse_uri(in, sf_slice_make(in, len), 0, &uri, &err);
      break;
    }
  }
  sf_test_current = r->shape;
  CHECK_STATUS(got, r->status);
  if (r->status != 0 && got == r->status) {
    CHECK_INT(err.offset, sf_test_offset_of(in, len, r->at, r->delta));
  }
  free(raw);
}

static void test_every_row(void) {
  for (size_t i = 0; i < ROWS; i++) check_row(&table[i]);
}

/* covers_target: whether some row of the table is under the same
 * crashes/<target>/ folder as |file|. The CMS targets' regression inputs are
 * pinned by their own tests (test_cms, test_cms_openssl), so this table
 * answers only for the targets it has rows for. */
static int covers_target(sf_slice file) {
  size_t slash = 0;
  while (slash < file.len && file.ptr[slash] != '/') slash++;
  for (size_t r = 0; r < ROWS; r++) {
    const char *f = table[r].file;
    if (strlen(f) > slash && memcmp(f, file.ptr, slash) == 0 && f[slash] == '/') return 1;
  }
  return 0;
}

/* Every file the index lists for a target this table covers has a row here
 * (and the other way round). */
static void test_index_matches_table(void) {
  size_t len = 0;
  uint8_t *idx = sf_read_file(sf_source_path("crashes/INDEX.tsv"), &len);
  if (idx == NULL) return;
  int seen[ROWS] = {0};
  size_t line_start = 0, lines = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i < len && idx[i] != '\n') continue;
    size_t end = i, tab = line_start;
    while (tab < end && idx[tab] != '\t') tab++;
    if (lines++ > 0 && tab > line_start) { /* skip the header line */
      sf_slice file = sf_slice_make(idx + line_start, tab - line_start);
      if (!covers_target(file)) {
        line_start = i + 1;
        continue;
      }
      int found = 0;
      for (size_t r = 0; r < ROWS; r++) {
        if (sf_slice_eq_lit(file, table[r].file)) found = 1, seen[r] = 1;
      }
      sf_test_checks++;
      if (!found) {
        sf_test_failures++;
        fprintf(stderr, "crashes/INDEX.tsv lists %.*s but test_regressions.c has no row for it\n",
                (int)file.len, (const char *)file.ptr);
      }
    }
    line_start = i + 1;
  }
  for (size_t r = 0; r < ROWS; r++) {
    sf_test_checks++;
    if (!seen[r]) {
      sf_test_failures++;
      fprintf(stderr, "row %s is not in crashes/INDEX.tsv\n", table[r].file);
    }
  }
  free(idx);
}

/* The shape behind the lone-backslash row, where it really bites: a quoted
 * display name whose backslash is the very last byte a parser may read. */
static void test_lone_backslash_at_buffer_end(void) {
  static sf_sip_addr addr;
  sf_error err;
  const uint8_t *in = sf_guard_str("\"fluffy\\");
  CHECK_STATUS(sf_sip_parse_addr(in, sf_slice_make(in, 8), &addr, &err), SF_SIP_UNTERMINATED_QUOTE);
  CHECK_INT(err.offset, 8);
}

int main(void) {
  RUN(test_every_row);
  RUN(test_index_matches_table);
  RUN(test_lone_backslash_at_buffer_end);
  return sf_test_finish();
}
