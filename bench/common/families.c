/* families.c: the adversarial input families of the scaling table (see
 * families.h), by format, and the growable buffer they are built in. */
#include "families.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sf/der.h"
#include "sf/mime.h"
#include "sf/sip.h"

/* ---- The buffer ------------------------------------------------------------- */

static void out_of_memory(void) {
  fputs("bench: out of memory\n", stderr);
  exit(2);
}

void bench_buf_put(bench_buf *b, const void *data, size_t len) {
  if (len > b->cap - b->len) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->len < len) cap *= 2;
    uint8_t *p = realloc(b->p, cap);
    if (p == NULL) out_of_memory();
    b->p = p;
    b->cap = cap;
  }
  if (len) memcpy(b->p + b->len, data, len);
  b->len += len;
}

void bench_buf_puts(bench_buf *b, const char *s) { bench_buf_put(b, s, strlen(s)); }

void bench_buf_byte(bench_buf *b, uint8_t byte) { bench_buf_put(b, &byte, 1); }

void bench_buf_printf(bench_buf *b, const char *fmt, ...) {
  char tmp[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n >= sizeof tmp) {
    fputs("bench: bench_buf_printf: text too long\n", stderr);
    exit(2);
  }
  bench_buf_put(b, tmp, (size_t)n);
}

void bench_buf_free(bench_buf *b) {
  free(b->p);
  b->p = NULL;
  b->len = b->cap = 0;
}

/* ---- SIP ---------------------------------------------------------------------- */

/* Every family is one request: these header fields, the family's units,
 * then Content-Length: 0 and the blank line. */
static const char sip_head[] =
    "INVITE sip:bob@example.com SIP/2.0\r\n"
    "Via: SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds\r\n"
    "Max-Forwards: 70\r\n"
    "To: Bob <sip:bob@example.com>\r\n"
    "From: Alice <sip:alice@example.com>;tag=1928301774\r\n"
    "Call-ID: a84b4c76e66710@pc33.example.com\r\n"
    "CSeq: 314159 INVITE\r\n"
    "Contact: <sip:alice@pc33.example.com>\r\n";
static const char sip_tail[] = "Content-Length: 0\r\n\r\n";
/* Header fields of head (7) and tail (1): SF_SIP_MAX_HEADERS leaves the
 * rest for units (tests/test_linear.c checks the limit falls exactly there). */
#define FIXED_HEADERS 8
#define FREE_HEADERS (SF_SIP_MAX_HEADERS - FIXED_HEADERS)

/* build_sip writes the request: sip_head, |open|, |unit| for units 0, 1, ...
 * until the message would reach |target| bytes or |max_units| are written,
 * |close| (if anything was opened), sip_tail. Returns the units written. */
typedef void (*sip_unit_fn)(bench_buf *b, size_t n);
static size_t build_sip(bench_buf *b, size_t target, size_t max_units, const char *open,
                        sip_unit_fn unit, const char *close) {
  bench_buf_puts(b, sip_head);
  bench_buf_puts(b, open);
  size_t n = 0;
  for (; n < max_units && b->len + sizeof sip_tail - 1 < target; n++) unit(b, n);
  if (n || *open) bench_buf_puts(b, close);
  bench_buf_puts(b, sip_tail);
  return n;
}

/* many headers: one header field per unit, in turn a Route, an unknown
 * extension header, a Record-Route and a Supported (sofia-sip refuses a
 * second Subject). */
static void header_unit(bench_buf *b, size_t n) {
  switch (n % 4) {
    case 0: bench_buf_printf(b, "Route: <sip:proxy%zu.example.com;lr>\r\n", n); break;
    case 1: bench_buf_printf(b, "X-Extension-%zu: value %zu\r\n", n, n); break;
    case 2: bench_buf_printf(b, "Record-Route: <sip:rr%zu.example.net;lr>\r\n", n); break;
    default: bench_buf_printf(b, "Supported: ext%zu, timer\r\n", n); break;
  }
}
static size_t build_headers(bench_buf *b, size_t target, size_t max_units) {
  return build_sip(b, target, max_units, "", header_unit, "");
}

/* one long folded header: a Subject whose value is folded onto a new line
 * (CRLF SP) after every 60 characters of text. */
static void fold_unit(bench_buf *b, size_t n) {
  bench_buf_printf(b, "\r\n folded line %08zu of a very long subject header value ....", n);
}
static size_t build_folded(bench_buf *b, size_t target, size_t max_units) {
  return build_sip(b, target, max_units, "Subject: start", fold_unit, "\r\n");
}

/* next_value starts list element |n| of header |name|: a new field every
 * SF_SIP_MAX_VALUES elements, ", " between the others. */
static void next_value(bench_buf *b, size_t n, const char *name) {
  if (n % SF_SIP_MAX_VALUES) {
    bench_buf_puts(b, ", ");
  } else {
    bench_buf_printf(b, "%s%s: ", n ? "\r\n" : "", name);
  }
}

/* many URI and header parameters: Contact values with SF_SIP_MAX_PARAMS URI
 * parameters and as many header parameters each, SF_SIP_MAX_VALUES values
 * per Contact header field. */
static void params_unit(bench_buf *b, size_t n) {
  next_value(b, n, "Contact");
  bench_buf_printf(b, "<sip:user%zu@host.example.com", n);
  for (int p = 0; p < SF_SIP_MAX_PARAMS; p++) bench_buf_printf(b, ";u%d=v%zu", p, n);
  bench_buf_puts(b, ">");
  for (int p = 0; p < SF_SIP_MAX_PARAMS; p++) bench_buf_printf(b, ";h%d=v%zu", p, n);
}
static size_t build_params(bench_buf *b, size_t target, size_t max_units) {
  return build_sip(b, target, max_units, "", params_unit, "\r\n");
}

/* many comma-separated values: Via values, SF_SIP_MAX_VALUES per field. */
static void value_unit(bench_buf *b, size_t n) {
  next_value(b, n, "Via");
  bench_buf_printf(b, "SIP/2.0/TCP host%06zu.proxy.example.com:5060;branch=z9hG4bK%06zu;rport", n,
                   n);
}
static size_t build_values(bench_buf *b, size_t target, size_t max_units) {
  return build_sip(b, target, max_units, "", value_unit, "\r\n");
}

/* comments nested to SF_SIP_MAX_COMMENT_DEPTH: a User-Agent of products,
 * each followed by a comment nested that deep. */
static void comment_unit(bench_buf *b, size_t n) {
  bench_buf_printf(b, " product%zu/2.%zu ", n, n % 10);
  for (int d = 0; d < SF_SIP_MAX_COMMENT_DEPTH; d++) bench_buf_printf(b, "(c%d ", d);
  for (int d = 0; d < SF_SIP_MAX_COMMENT_DEPTH; d++) bench_buf_byte(b, ')');
}
static size_t build_comments(bench_buf *b, size_t target, size_t max_units) {
  return build_sip(b, target, max_units, "User-Agent: agent/1.0", comment_unit, "\r\n");
}

const bench_family bench_sip_families[] = {
    {"sip: many headers",
     "one header field per unit (Route, X-Extension-n, Record-Route, Supported in turn)",
     build_headers, FREE_HEADERS, "SF_SIP_MAX_HEADERS (256 header fields, 8 of them fixed)",
     BENCH_SIP, SF_SIP_TOO_MANY_HEADERS},
    {"sip: long folded header", "one Subject value, folded (CRLF SP) every 60 characters",
     build_folded, 0, NULL, BENCH_SIP, 0},
    {"sip: many parameters",
     "Contact values of 32 URI and 32 header parameters, 64 values per Contact field",
     build_params, (size_t)FREE_HEADERS * SF_SIP_MAX_VALUES,
     "SF_SIP_MAX_HEADERS x SF_SIP_MAX_VALUES", BENCH_SIP, SF_SIP_TOO_MANY_HEADERS},
    {"sip: many values", "Via values, 64 per Via field", build_values,
     (size_t)FREE_HEADERS * SF_SIP_MAX_VALUES, "SF_SIP_MAX_HEADERS x SF_SIP_MAX_VALUES", BENCH_SIP,
     SF_SIP_TOO_MANY_HEADERS},
    {"sip: nested comments",
     "a User-Agent product and a comment nested SF_SIP_MAX_COMMENT_DEPTH (8) deep",
     build_comments, 0, NULL, BENCH_SIP, 0},
};
const size_t bench_sip_family_count = sizeof bench_sip_families / sizeof bench_sip_families[0];

/* ---- MIME ------------------------------------------------------------------- */

int bench_mime_split(const uint8_t *data, size_t len, sf_slice *out_ct, sf_slice *out_body) {
  size_t at = sizeof BENCH_CT_PREFIX - 1;
  if (len < at || memcmp(data, BENCH_CT_PREFIX, at) != 0) return 0;
  const uint8_t *cr = memchr(data + at, '\r', len - at);
  if (cr == NULL || (size_t)(data + len - cr) < 4 || memcmp(cr, "\r\n\r\n", 4) != 0) return 0;
  size_t body = (size_t)(cr - data) + 4;
  *out_ct = sf_slice_make(data + at, (size_t)(cr - data) - at);
  *out_body = sf_slice_make(data + body, len - body);
  return 1;
}

/* many parts: leaves grouped 63 to an inner multipart under one root, so
 * the tree-wide SF_MIME_MAX_PARTS (256, the root and inner multiparts
 * included) cuts in, not the per-level SF_MIME_MAX_PARTS_PER_LEVEL (64). */
#define LEAVES_PER_GROUP (SF_MIME_MAX_PARTS_PER_LEVEL - 1)
static size_t build_parts(bench_buf *b, size_t target, size_t max_units) {
  bench_buf_puts(b, BENCH_CT_PREFIX "multipart/mixed; boundary=outer-boundary\r\n\r\n");
  size_t n = 0;
  /* 60: what closing the last group and the root adds. */
  for (; n < max_units && b->len + 60 < target; n++) {
    size_t g = n / LEAVES_PER_GROUP;
    if (n % LEAVES_PER_GROUP == 0) {
      if (n) bench_buf_printf(b, "--inner-%zu--\r\n", g - 1);
      bench_buf_printf(b, "--outer-boundary\r\n"
                          "Content-Type: multipart/mixed; boundary=inner-%zu\r\n\r\n", g);
    }
    bench_buf_printf(b, "--inner-%zu\r\nContent-Type: text/plain\r\n\r\nleaf %zu\r\n", g, n);
  }
  if (n) bench_buf_printf(b, "--inner-%zu--\r\n", (n - 1) / LEAVES_PER_GROUP);
  bench_buf_puts(b, "--outer-boundary--\r\n");
  return n;
}
/* Parts: the root, one inner multipart per 63 leaves, the leaves. */
#define MAX_LEAVES                                                                        \
  ((SF_MIME_MAX_PARTS - 1) - ((SF_MIME_MAX_PARTS - 1) + LEAVES_PER_GROUP) / (LEAVES_PER_GROUP + 1))

/* nesting: SF_MIME_MAX_DEPTH levels of multipart/mixed, the deepest
 * holding one text part that grows by a line per unit. */
static size_t build_nesting(bench_buf *b, size_t target, size_t max_units) {
  bench_buf_puts(b, BENCH_CT_PREFIX "multipart/mixed; boundary=level-0\r\n\r\n");
  for (int d = 1; d < SF_MIME_MAX_DEPTH; d++) {
    bench_buf_printf(b, "--level-%d\r\nContent-Type: multipart/mixed; boundary=level-%d\r\n\r\n",
                     d - 1, d);
  }
  bench_buf_printf(b, "--level-%d\r\nContent-Type: text/plain\r\n\r\n", SF_MIME_MAX_DEPTH - 1);
  size_t n = 0;
  for (; n < max_units && b->len + 12 * SF_MIME_MAX_DEPTH < target; n++) {
    bench_buf_printf(b, "line %08zu of the innermost part, plain text at the deepest level\r\n", n);
  }
  bench_buf_puts(b, "the end");
  for (int d = SF_MIME_MAX_DEPTH - 1; d >= 0; d--) bench_buf_printf(b, "\r\n--level-%d--", d);
  bench_buf_puts(b, "\r\n");
  return n;
}

/* almost-boundaries: one text part made of lines that start like its
 * 70-character boundary and go wrong at every position in turn ("--"
 * followed by a prefix of the boundary and a wrong character), lines of
 * the whole boundary followed by a wrong character, and mid-line copies of
 * the whole close delimiter. */
static const char long_boundary[] =
    "abcdefghij0123456789klmnopqrst0123456789uvwxyzabcd0123456789efghijklmn";
static size_t build_almost(bench_buf *b, size_t target, size_t max_units) {
  const size_t blen = sizeof long_boundary - 1; /* 70 */
  bench_buf_printf(b, BENCH_CT_PREFIX "multipart/mixed; boundary=%s\r\n\r\n", long_boundary);
  bench_buf_printf(b, "--%s\r\nContent-Type: text/plain\r\n\r\nstart", long_boundary);
  size_t n = 0;
  for (; n < max_units && b->len + blen + 8 < target; n++) {
    size_t k = n % (blen + 2);
    bench_buf_puts(b, "\r\n");
    if (k < blen) { /* "--", the first k characters, a wrong one */
      bench_buf_puts(b, "--");
      bench_buf_put(b, long_boundary, k);
      bench_buf_byte(b, 'X');
    } else if (k == blen) { /* the whole boundary and a wrong character */
      bench_buf_printf(b, "--%sX", long_boundary);
    } else { /* the close delimiter, but not at the start of a line */
      bench_buf_printf(b, "x--%s--", long_boundary);
    }
  }
  bench_buf_printf(b, "\r\n--%s--\r\n", long_boundary);
  return n;
}

const bench_family bench_mime_families[] = {
    {"mime: many parts", "a text/plain leaf part; 63 leaves to an inner multipart", build_parts,
     MAX_LEAVES, "SF_MIME_MAX_PARTS (256 parts in the tree, root and inner multiparts included)",
     BENCH_MIME, SF_MIME_TOO_MANY_PARTS_TOTAL},
    {"mime: nesting at the depth limit",
     "a line of the text part at the bottom of SF_MIME_MAX_DEPTH (16) nested multiparts",
     build_nesting, 0, NULL, BENCH_MIME, 0},
    {"mime: almost-boundaries",
     "a line of a text part that starts like the 70-character boundary and goes wrong (at each "
     "position in turn, or after it), or holds the close delimiter mid-line",
     build_almost, 0, NULL, BENCH_MIME, 0},
};
const size_t bench_mime_family_count = sizeof bench_mime_families / sizeof bench_mime_families[0];

/* ---- DER/BER and CMS ------------------------------------------------------------ */

/* put_header appends the DER identifier and length octets of an element. */
static void put_header(bench_buf *b, sf_der_tag tag, size_t len) {
  uint8_t h[SF_DER_MAX_HEADER_LEN];
  bench_buf_put(b, h, sf_der_write_header(tag, len, h));
}

/* put_small appends small element number |i|: in turn an INTEGER, a NULL,
 * a BOOLEAN, an OCTET STRING and an OBJECT IDENTIFIER. */
static void put_small(bench_buf *b, size_t i) {
  static const uint8_t kinds[5][6] = {{0x02, 0x01, 0x05},
                                      {0x05, 0x00},
                                      {0x01, 0x01, 0xFF},
                                      {0x04, 0x02, 0xAB, 0xCD},
                                      {0x06, 0x04, 0x2A, 0x03, 0x04, 0x05}};
  static const size_t sizes[5] = {3, 2, 3, 4, 6};
  bench_buf_put(b, kinds[i % 5], sizes[i % 5]);
}

/* small_run appends small elements until |content| holds |target| bytes
 * (or |max_units| elements); returns how many. */
static size_t small_run(bench_buf *content, size_t target, size_t max_units) {
  size_t n = 0;
  for (; n < max_units && content->len < target; n++) put_small(content, n);
  return n;
}

/* many small elements: one SEQUENCE of small primitive elements (DER). */
static size_t build_many_small(bench_buf *b, size_t target, size_t max_units) {
  bench_buf content = {NULL, 0, 0};
  size_t n = small_run(&content, target > 8 ? target - 8 : 0, max_units);
  put_header(b, SF_DER_SEQUENCE, content.len);
  bench_buf_put(b, content.p, content.len);
  bench_buf_free(&content);
  return n;
}

/* The deepest nesting the reader accepts: SF_DER_MAX_DEPTH constructed
 * elements below the top-level cursor, the outermost included. */
#define NEST SF_DER_MAX_DEPTH

/* maximal nesting, definite lengths: NEST SEQUENCEs, one inside the other,
 * the innermost holding small elements (DER). */
static size_t build_nested_definite(bench_buf *b, size_t target, size_t max_units) {
  bench_buf cur = {NULL, 0, 0}, next = {NULL, 0, 0};
  size_t n = small_run(&cur, target > 6 * NEST ? target - 6 * NEST : 0, max_units);
  for (int d = 0; d < NEST; d++) {
    next.len = 0;
    put_header(&next, SF_DER_SEQUENCE, cur.len);
    bench_buf_put(&next, cur.p, cur.len);
    bench_buf tmp = cur;
    cur = next;
    next = tmp;
  }
  bench_buf_put(b, cur.p, cur.len);
  bench_buf_free(&cur);
  bench_buf_free(&next);
  return n;
}

/* maximal nesting, indefinite lengths: the same with 30 80 ... 00 00
 * (BER). */
static size_t build_nested_indefinite(bench_buf *b, size_t target, size_t max_units) {
  for (int d = 0; d < NEST; d++) bench_buf_put(b, "\x30\x80", 2);
  bench_buf content = {NULL, 0, 0};
  size_t n = small_run(&content, target > 4 * NEST ? target - 4 * NEST : 0, max_units);
  bench_buf_put(b, content.p, content.len);
  bench_buf_free(&content);
  for (int d = 0; d < NEST; d++) bench_buf_put(b, "\x00\x00", 2);
  return n;
}

/* many small elements in CMS: a ContentInfo of type data whose OCTET
 * STRING is constructed (BER, indefinite lengths, as openssl cms -stream
 * writes it) from 8-byte segments. */
static size_t build_cms_segments(bench_buf *b, size_t target, size_t max_units) {
  static const uint8_t head[] = {0x30, 0x80, 0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7,
                                 0x0D, 0x01, 0x07, 0x01, 0xA0, 0x80, 0x24, 0x80};
  bench_buf_put(b, head, sizeof head);
  size_t n = 0;
  for (; n < max_units && b->len + 6 < target; n++) {
    bench_buf_put(b, "\x04\x08", 2);
    for (int k = 0; k < 8; k++) bench_buf_byte(b, (uint8_t)(n + (size_t)k));
  }
  bench_buf_put(b, "\x00\x00\x00\x00\x00\x00", 6);
  return n;
}

const bench_family bench_der_families[] = {
    {"der: many small elements",
     "a small primitive element (INTEGER, NULL, BOOLEAN, OCTET STRING, OID in turn) in one "
     "SEQUENCE",
     build_many_small, 0, NULL, BENCH_DER, 0},
    {"der: maximal nesting, definite",
     "a small element inside SF_DER_MAX_DEPTH (30) nested definite-length SEQUENCEs",
     build_nested_definite, 0, NULL, BENCH_DER, 0},
    {"der: maximal nesting, indefinite",
     "a small element inside SF_DER_MAX_DEPTH (30) nested indefinite-length SEQUENCEs (BER)",
     build_nested_indefinite, 0, NULL, BENCH_BER, 0},
    {"cms: data in many segments",
     "an 8-byte segment of a constructed, indefinite-length OCTET STRING in a data ContentInfo "
     "(BER)",
     build_cms_segments, 0, NULL, BENCH_CMS, 0},
};
const size_t bench_der_family_count = sizeof bench_der_families / sizeof bench_der_families[0];
