/* test_rfc4475.c: the 50 torture messages of RFC 4475 (tests/data/rfc4475/),
 * each with its expected outcome in the table below, so a reader sees what
 * the parser does with every one of them.
 *
 * Columns: file; verdict (as in INDEX.tsv, checked against it); the parse
 * flags the message needs; the expected sf_sip_parse status and, for a
 * failure, where: the offset of the first occurrence of a marker string in
 * the file plus a delta; the warnings a successful parse must report
 * (exactly); the sf_sip_validate flags, status and where.
 *
 * VALID and "VALID syntax" messages parse (with any leniency reported as a
 * warning); INVALID ones fail with the code that names their fault, at its
 * offset; the semantic ones parse and fail validation. The test fails if a
 * file in the directory is missing from the table, or the other way. */
#include <dirent.h>
#include <stdlib.h>

#include "sip_test_util.h"

#define W(x) SF_SIP_W(x)
#define ST(x) SF_SIP_##x

typedef struct {
  const char *file;
  const char *verdict;
  unsigned flags;
  int status;
  const char *at;
  long delta;
  unsigned warnings;
  unsigned vflags;
  int vstatus;
  const char *vat;
  long vdelta;
} row;

/* clang-format off */
static const row table[] = {
  /* 3.1.1 valid messages */
  {"wsinv.dat",      "VALID", 0, ST(OK), NULL, 0, W(FOLDING),                   0, ST(OK), NULL, 0},
  {"intmeth.dat",    "VALID", 0, ST(OK), NULL, 0, 0,                            0, ST(OK), NULL, 0},
  {"esc01.dat",      "VALID", 0, ST(OK), NULL, 0, W(FOLDING),                   0, ST(OK), NULL, 0},
  {"escnull.dat",    "VALID", 0, ST(OK), NULL, 0, 0,                            0, ST(OK), NULL, 0},
  {"esc02.dat",      "VALID", 0, ST(OK), NULL, 0, 0,                            0, ST(OK), NULL, 0},
  {"lwsdisp.dat",    "VALID", 0, ST(OK), NULL, 0, W(TOKEN_DISPLAY_NAME_NO_LWS), 0, ST(OK), NULL, 0},
  {"longreq.dat",    "VALID", 0, ST(OK), NULL, 0, 0,                            0, ST(OK), NULL, 0},
  {"dblreq.dat",     "VALID", 0, ST(OK), NULL, 0, W(TRAILING_BYTES),            0, ST(OK), NULL, 0},
  {"semiuri.dat",    "VALID", 0, ST(OK), NULL, 0, W(FOLDING),                   0, ST(OK), NULL, 0},
  {"transports.dat", "VALID", 0, ST(OK), NULL, 0, 0,                            0, ST(OK), NULL, 0},
  /* RFC 4475 predates RFC 4474's quotes around Identity. */
  {"mpart01.dat",    "VALID", SF_SIP_ALLOW_UNQUOTED_IDENTITY, ST(OK), NULL, 0, W(UNQUOTED_IDENTITY),
                                                                                  0, ST(OK), NULL, 0},
  {"unreason.dat",   "VALID", 0, ST(OK), NULL, 0, 0,                            0, ST(OK), NULL, 0},
  {"noreason.dat",   "VALID", 0, ST(OK), NULL, 0, 0,                            0, ST(OK), NULL, 0},
  /* 3.1.2 invalid messages: the code names the fault, the offset is where */
  {"badinv01.dat",   "INVALID", 0, ST(BAD_PARAM), "15;;,", 3, 0, 0, 0, NULL, 0},
  {"clerr.dat",      "INVALID", 0, ST(CONTENT_LENGTH_EXCEEDS_BODY), "9999", 0, 0, 0, 0, NULL, 0},
  {"ncl.dat",        "INVALID", 0, ST(NEGATIVE_CONTENT_LENGTH), "-999", 0, 0, 0, 0, NULL, 0},
  {"scalar02.dat",   "INVALID", 0, ST(CSEQ_OVERFLOW), "36893488147419103232", 0, 0, 0, 0, NULL, 0},
  {"scalarlg.dat",   "INVALID", 0, ST(CSEQ_OVERFLOW), "9292394834772304023312", 0, 0, 0, 0, NULL, 0},
  /* the quote never closes: reported where the value ends */
  {"quotbal.dat",    "INVALID", 0, ST(UNTERMINATED_QUOTE), "j.user@example.com>\r\n", 19, 0, 0, 0, NULL, 0},
  {"ltgtruri.dat",   "INVALID", 0, ST(ANGLE_REQUEST_URI), "<sip:user", 0, 0, 0, 0, NULL, 0},
  {"lwsruri.dat",    "INVALID", 0, ST(REQUEST_URI_WHITESPACE), " lr SIP", 0, 0, 0, 0, NULL, 0},
  {"lwsstart.dat",   "INVALID", 0, ST(EXTRA_WHITESPACE), "INVITE  ", 7, 0, 0, 0, NULL, 0},
  {"trws.dat",       "INVALID", 0, ST(EXTRA_WHITESPACE), "SIP/2.0  \r\n", 7, 0, 0, 0, NULL, 0},
  {"escruri.dat",    "INVALID", 0, ST(URI_HEADERS_IN_REQUEST_URI), "?Route", 0, 0, 0, 0, NULL, 0},
  {"baddate.dat",    "INVALID", 0, ST(BAD_DATE), "EST", 0, 0, 0, 0, NULL, 0},
  {"regbadct.dat",   "INVALID", 0, ST(BAD_ADDR_SPEC), "?Route", 0, 0, 0, 0, NULL, 0},
  {"badaspec.dat",   "INVALID", 0, ST(BAD_ADDR_SPEC), "< sip:t.watson", 1, 0, 0, 0, NULL, 0},
  {"baddn.dat",      "INVALID", 0, ST(BAD_DISPLAY_NAME), "Bell, Alexander", 4, 0, 0, 0, NULL, 0},
  {"badvers.dat",    "INVALID", 0, ST(UNSUPPORTED_VERSION), "SIP/7.0", 0, 0, 0, 0, NULL, 0},
  {"mismatch01.dat", "INVALID", 0, ST(OK), NULL, 0, 0, 0, ST(CSEQ_METHOD_MISMATCH), "8 INVITE", 2},
  {"mismatch02.dat", "INVALID", 0, ST(OK), NULL, 0, 0, 0, ST(CSEQ_METHOD_MISMATCH), "8 INVITE", 2},
  {"bigcode.dat",    "INVALID", 0, ST(STATUS_CODE_RANGE), "4294967301", 0, 0, 0, 0, NULL, 0},
  /* 3.2 transaction layer: well formed; the empty branch id is the
   * transaction layer's concern */
  {"badbranch.dat",  "PARSEABLE/may-reject", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  /* 3.3 application layer: syntax valid unless noted */
  {"insuf.dat",      "INVALID (semantic)", 0, ST(OK), NULL, 0, 0,
                     0, ST(MISSING_HEADER), "\r\n\r\n", 2},
  {"unkscm.dat",     "VALID syntax", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"novelsc.dat",    "VALID syntax", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"unksm2.dat",     "VALID syntax", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"bext01.dat",     "VALID syntax", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"invut.dat",      "VALID syntax", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"regaut01.dat",   "VALID syntax", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"multi01.dat",    "INVALID (semantic)", 0, ST(OK), NULL, 0, 0,
                     0, ST(DUPLICATE_HEADER), "CSeq: 59", 0},
  {"mcl01.dat",      "INVALID", 0, ST(CONFLICTING_CONTENT_LENGTH), "Content-Length: 5", 16, 0, 0, 0, NULL, 0},
  {"bcast.dat",      "VALID syntax", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"zeromf.dat",     "VALID", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"cparam01.dat",   "VALID", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"cparam02.dat",   "VALID", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"regescrt.dat",   "VALID", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  {"sdp01.dat",      "VALID syntax", 0, ST(OK), NULL, 0, 0, 0, ST(OK), NULL, 0},
  /* 3.4 backward compatibility: no Content-Length, no Max-Forwards */
  {"inv2543.dat",    "VALID (legacy)", 0, ST(OK), NULL, 0, W(NO_CONTENT_LENGTH),
                     SF_SIP_VALIDATE_RFC2543, ST(OK), NULL, 0},
  /* in the archive, not in the RFC text: a Request-Line without version */
  {"test.dat",       "(unspecified)", 0, ST(BAD_VERSION), "\r\nTO :", 0, 0, 0, 0, NULL, 0},
};

/* The liberal receivers RFC 4475 allows for: these INVALID messages parse
 * with the named leniency, which is reported. */
static const row lenient[] = {
  {"ltgtruri.dat", "INVALID", SF_SIP_ALLOW_ANGLE_RURI, ST(OK), NULL, 0, W(ANGLE_RURI), 0, ST(OK), NULL, 0},
  {"lwsstart.dat", "INVALID", SF_SIP_ALLOW_EXTRA_SP, ST(OK), NULL, 0, W(EXTRA_SP), 0, ST(OK), NULL, 0},
  {"trws.dat",     "INVALID", SF_SIP_ALLOW_EXTRA_SP, ST(OK), NULL, 0, W(EXTRA_SP), 0, ST(OK), NULL, 0},
  /* without the RFC 2543 allowance, the missing Max-Forwards is reported */
  {"inv2543.dat",  "VALID (legacy)", 0, ST(OK), NULL, 0, W(NO_CONTENT_LENGTH), 0, ST(MISSING_HEADER), "\r\n\r\n", 2},
};
/* clang-format on */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static sf_sip_msg msg, again;

static void print_round_trip(const row *r, unsigned flags) {
  size_t bound = sf_sip_print_bound(&msg);
  uint8_t *out = malloc(bound);
  size_t n = 0;
  CHECK_STATUS(sf_sip_print(&msg, out, bound, &n), SF_SIP_OK);
  const uint8_t *d = sf_guard(out, n);
  int rc = sf_sip_parse(d, n, flags, &again, NULL);
  if (rc != SF_SIP_OK) fprintf(stderr, "%s: print does not parse\n", r->file);
  CHECK_STATUS(rc, SF_SIP_OK);
  CHECK_INT(again.header_count, msg.header_count);
  CHECK_INT(again.body.len, msg.body.len);
  free(out);
}

static void run_row(const row *r) {
  char rel[256];
  snprintf(rel, sizeof rel, "tests/data/rfc4475/messages/%s", r->file);
  size_t len = 0;
  uint8_t *data = sf_read_file(sf_source_path(rel), &len);
  if (data == NULL) return;
  const uint8_t *d = sf_guard(data, len);
  free(data);
  sf_error e = {0, 0, NULL};
  int rc = sf_sip_parse(d, len, r->flags, &msg, &e);
  CHECK_ERROR_AT(r->file, rc, &e, r->status, d, len, r->at, r->delta);
  if (rc != SF_SIP_OK) return;
  if (msg.warnings != r->warnings) {
    fprintf(stderr, "%s: warnings %#x, want %#x\n", r->file, msg.warnings, r->warnings);
  }
  CHECK_INT(msg.warnings, r->warnings);
  /* Strict parsing would have rejected a message that needed a flag. */
  if (r->flags != 0) CHECK(sf_sip_parse(d, len, 0, &msg, NULL) != SF_SIP_OK);
  rc = sf_sip_parse(d, len, r->flags, &msg, &e);
  sf_error v = {0, 0, NULL};
  int vr = sf_sip_validate(&msg, r->vflags, &v);
  char what[80];
  snprintf(what, sizeof what, "%s (validate)", r->file);
  CHECK_ERROR_AT(what, vr, &v, r->vstatus, d, len, r->vat, r->vdelta);
  /* The 4475 messages carry Content-Length, except inv2543: on a stream they
   * frame the same way. */
  if (msg.has_content_length) {
    size_t message_len = msg.message_len;
    CHECK_STATUS(sf_sip_parse(d, len, r->flags | SF_SIP_STREAM, &msg, NULL), SF_SIP_OK);
    CHECK_INT(msg.message_len, message_len);
    CHECK_STATUS(sf_sip_parse(d, len, r->flags, &msg, NULL), SF_SIP_OK);
  }
  /* Last: it replaces the guarded buffer |d| points into. */
  print_round_trip(r, r->flags);
}

static const row *find(const char *file) {
  for (size_t i = 0; i < COUNT(table); i++) {
    if (strcmp(table[i].file, file) == 0) return &table[i];
  }
  return NULL;
}

static void test_table(void) {
  for (size_t i = 0; i < COUNT(table); i++) run_row(&table[i]);
  for (size_t i = 0; i < COUNT(lenient); i++) run_row(&lenient[i]);
}

/* Every file in the directory is in the table and the other way round. */
static void test_covers_directory(void) {
  DIR *dir = opendir(sf_source_path("tests/data/rfc4475/messages"));
  CHECK(dir != NULL);
  if (dir == NULL) return;
  size_t files = 0;
  struct dirent *ent;
  while ((ent = readdir(dir)) != NULL) {
    if (ent->d_name[0] == '.') continue;
    files++;
    if (find(ent->d_name) == NULL) {
      fprintf(stderr, "tests/data/rfc4475/messages/%s is not in the table\n", ent->d_name);
      CHECK(find(ent->d_name) != NULL);
    }
  }
  closedir(dir);
  CHECK_INT(files, COUNT(table));
  CHECK_INT(COUNT(table), 50);
}

/* The verdict column says what INDEX.tsv says. */
static void test_verdicts_match_index(void) {
  size_t len = 0;
  uint8_t *idx = sf_read_file(sf_source_path("tests/data/rfc4475/INDEX.tsv"), &len);
  if (idx == NULL) return;
  size_t rows = 0;
  size_t pos = 0;
  while (pos < len) {
    size_t end = pos;
    while (end < len && idx[end] != '\n') end++;
    /* file \t section \t title \t verdict \t reason */
    char fields[5][128];
    size_t f = 0, start = pos;
    for (size_t i = pos; i <= end && f < 5; i++) {
      if (i == end || idx[i] == '\t') {
        size_t n = i - start < 127 ? i - start : 127;
        memcpy(fields[f], idx + start, n);
        fields[f++][n] = '\0';
        start = i + 1;
      }
    }
    if (f >= 4 && strcmp(fields[0], "file") != 0) {
      rows++;
      const row *r = find(fields[0]);
      CHECK(r != NULL);
      if (r != NULL && strcmp(r->verdict, fields[3]) != 0) {
        fprintf(stderr, "%s: table says %s, INDEX.tsv says %s\n", r->file, r->verdict, fields[3]);
        CHECK(strcmp(r->verdict, fields[3]) == 0);
      }
    }
    pos = end + 1;
  }
  CHECK_INT(rows, COUNT(table));
  free(idx);
}

int main(void) {
  RUN(test_table);
  RUN(test_covers_directory);
  RUN(test_verdicts_match_index);
  return sf_test_finish();
}
