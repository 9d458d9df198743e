/* bench_mime: multipart parse speed, ours against GMime, and the MIME
 * scaling families; one process, so both share the machine state.
 *
 * Every input is one buffer: "Content-Type: <value>" CRLF CRLF <body>.
 * What each side does per input (the timed call):
 *   ours   finds the Content-Type value and the body in the buffer, then
 *          sf_mime_parse(SF_MIME_INTEROP): the whole tree split at its
 *          boundaries, every part's header fields framed and the Content-*
 *          ones parsed, multipart/signed checked (two parts, protocol,
 *          micalg, the signed bytes located). Nothing allocated: one
 *          sf_mime_tree is reused.
 *   GMime  a memory stream over the same buffer (not copied), a GMimeParser
 *          on it, g_mime_parser_construct_part: the tree of GMimeObjects
 *          with their header lists and parsed Content-Type/Disposition;
 *          leaf contents stay in the stream (GMime keeps offsets into a
 *          seekable stream). Then every object is unreferenced (freed).
 * GMime fails when it returns NULL or something other than a multipart
 * with at least one part. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "bench.h"
#include "sf/mime.h"
#include "sf/sip.h"

#define CT_PREFIX "Content-Type: "

/* ---- Ours ------------------------------------------------------------------- */

static sf_mime_tree g_tree;
static sf_error g_err;
enum { OURS_NOT_FRAMED = 1000 };

static int ours_parse(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  size_t at = sizeof CT_PREFIX - 1;
  const uint8_t *crlf = len > at ? memchr(data + at, '\r', len - at) : NULL;
  if (crlf == NULL || (size_t)(data + len - crlf) < 4 || memcmp(crlf, "\r\n\r\n", 4) != 0) {
    return OURS_NOT_FRAMED;
  }
  size_t body = (size_t)(crlf - data) + 4;
  return sf_mime_parse(data, sf_slice_make(data + at, (size_t)(crlf - data) - at),
                       sf_slice_make(data + body, len - body), SF_MIME_INTEROP, &g_tree, &g_err);
}

static void ours_explain(void *ctx, int rc, char *out, size_t cap) {
  (void)ctx;
  if (rc == OURS_NOT_FRAMED) {
    snprintf(out, cap, "no Content-Type line and blank line");
  } else {
    snprintf(out, cap, "%s at byte %zu", sf_mime_status_name(rc), g_err.offset);
  }
}

static const bench_contender ours = {"ours", ours_parse, ours_explain, NULL};

/* ---- GMime -------------------------------------------------------------------- */

enum { GMIME_NULL = 1, GMIME_NOT_MULTIPART, GMIME_NO_PARTS };

static int gmime_parse(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  /* A GByteArray over the caller's bytes (g_byte_array_new_take does not
   * copy; the bytes are taken back with g_byte_array_steal below): the
   * stream reads them in place and, not being their owner, frees only
   * itself. */
  GByteArray *array = g_byte_array_new_take((guint8 *)(uintptr_t)data, len);
  GMimeStream *stream = g_mime_stream_mem_new_with_byte_array(array);
  g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(stream), FALSE);
  GMimeParser *parser = g_mime_parser_new_with_stream(stream);
  GMimeObject *part = g_mime_parser_construct_part(parser, NULL);
  int rc = 0;
  if (part == NULL) {
    rc = GMIME_NULL;
  } else if (!GMIME_IS_MULTIPART(part)) {
    rc = GMIME_NOT_MULTIPART;
  } else if (g_mime_multipart_get_count(GMIME_MULTIPART(part)) < 1) {
    rc = GMIME_NO_PARTS;
  }
  if (part != NULL) g_object_unref(part);
  g_object_unref(parser);
  g_object_unref(stream);
  g_byte_array_steal(array, NULL);
  g_byte_array_unref(array);
  return rc;
}

static void gmime_explain(void *ctx, int rc, char *out, size_t cap) {
  (void)ctx;
  snprintf(out, cap, "%s",
           rc == GMIME_NULL            ? "g_mime_parser_construct_part returned NULL"
           : rc == GMIME_NOT_MULTIPART ? "not parsed as a multipart"
                                       : "a multipart without parts");
}

static const bench_contender gmime = {"GMime", gmime_parse, gmime_explain, NULL};

/* ---- Table 1: the multipart bodies of draft messages -------------------------- */

/* body_input turns a SIP message file into "Content-Type: v" CRLF CRLF body,
 * with v the message's Content-Type value (unfolded) and body its body. */
static uint8_t *body_input(const char *dir, const char *name, size_t *out_len) {
  static sf_sip_msg msg;
  size_t len;
  uint8_t *sip = bench_read_file(dir, name, &len);
  sf_error err;
  int rc = sf_sip_parse(sip, len, SF_SIP_INTEROP, &msg, &err);
  size_t index = 0;
  const sf_sip_header *ct = rc == SF_SIP_OK ? sf_sip_find(&msg, SF_SIP_H_CONTENT_TYPE, 0, &index)
                                            : NULL;
  if (ct == NULL) {
    fprintf(stderr, "bench_mime: %s: no SIP message with a Content-Type (%s)\n", name,
            sf_sip_status_name(rc));
    exit(1);
  }
  bench_buf b = {NULL, 0, 0};
  uint8_t *value = malloc(ct->value.len + 1);
  size_t value_len = 0;
  sf_sip_unfold(ct->value, value, ct->value.len + 1, &value_len);
  bench_buf_puts(&b, CT_PREFIX);
  bench_buf_put(&b, value, value_len);
  bench_buf_puts(&b, "\r\n\r\n");
  bench_buf_put(&b, msg.body.ptr, msg.body.len);
  free(value);
  free(sip);
  *out_len = b.len;
  return b.p;
}

static const bench_contender *const speed_contenders[3] = {&bench_memchr, &ours, &gmime};

static void speed_table(const bench_opts *o) {
  bench_speed sp;
  bench_speed_begin(&sp, "mime-speed",
                    "MIME parse speed: multipart bodies, ns per body, best and median of the "
                    "rounds; GMime/ours > 1 means ours is faster",
                    speed_contenders, 3);
  static const struct {
    const char *dir, *file;
  } inputs[] = {
      {"draft/messages", "5.1-message-signed.sip"},
      {"draft/messages", "5.3-message-encrypted-signed.sip"},
      {"rfc4475/messages", "mpart01.dat"},
  };
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
    char dir[4096], label[256];
    snprintf(dir, sizeof dir, "%s/%s", o->data_dir, inputs[i].dir);
    snprintf(label, sizeof label, "%s body", inputs[i].file);
    size_t len;
    uint8_t *data = body_input(dir, inputs[i].file, &len);
    bench_speed_row(&sp, label, data, len, o);
    free(data);
  }
  bench_speed_end(&sp);
  bench_note("Input: the message's Content-Type line, a blank line and its body, in one buffer.");
}

/* ---- Table 2: scaling families ----------------------------------------------- */

/* many parts: leaves grouped 63 to an inner multipart under one root, so
 * the tree-wide SF_MIME_MAX_PARTS (256, the root and inner multiparts
 * included) cuts in, not the per-level SF_MIME_MAX_PARTS_PER_LEVEL (64). */
#define LEAVES_PER_GROUP (SF_MIME_MAX_PARTS_PER_LEVEL - 1)
static size_t build_parts(bench_buf *b, size_t target, size_t max_units) {
  bench_buf_puts(b, CT_PREFIX "multipart/mixed; boundary=outer-boundary\r\n\r\n");
  size_t n = 0;
  /* 60: what closing the last group and the root adds. */
  for (; n < max_units && b->len + 60 < target; n++) {
    size_t g = n / LEAVES_PER_GROUP;
    if (n % LEAVES_PER_GROUP == 0) {
      if (n) bench_buf_printf(b, "--inner-%zu--\r\n", g - 1);
      bench_buf_printf(b,
                       "--outer-boundary\r\nContent-Type: multipart/mixed; boundary=inner-%zu\r\n\r\n",
                       g);
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
  bench_buf_puts(b, CT_PREFIX "multipart/mixed; boundary=level-0\r\n\r\n");
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
  bench_buf_printf(b, CT_PREFIX "multipart/mixed; boundary=%s\r\n\r\n", long_boundary);
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

static const bench_family families[] = {
    {"mime: many parts", "a text/plain leaf part; 63 leaves to an inner multipart", build_parts,
     MAX_LEAVES, "SF_MIME_MAX_PARTS (256 parts in the tree, root and inner multiparts included)"},
    {"mime: nesting at the depth limit",
     "a line of the text part at the bottom of SF_MIME_MAX_DEPTH (16) nested multiparts",
     build_nesting, 0, NULL},
    {"mime: almost-boundaries",
     "a line of a text part that starts like the 70-character boundary and goes wrong (at each "
     "position in turn, or after it), or holds the close delimiter mid-line",
     build_almost, 0, NULL},
};

static void scaling_table(const bench_opts *o) {
  bench_table("mime-scaling",
              "MIME scaling: ns per byte (best of the rounds) at each size; a linear parser "
              "keeps it flat");
  bench_scaling_header();
  const bench_contender *cs[] = {&ours, &bench_memchr, &gmime};
  for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
    bench_scaling_family(&families[i], cs, 3, o);
  }
}

int main(int argc, char **argv) {
  bench_opts o;
  bench_parse_args(argc, argv, &o);
  g_mime_init();
  if (o.run_speed) speed_table(&o);
  if (o.run_scaling) scaling_table(&o);
  g_mime_shutdown();
  return 0;
}
