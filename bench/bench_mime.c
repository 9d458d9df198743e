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

/* ---- Ours ------------------------------------------------------------------- */

static sf_mime_tree g_tree;
static sf_error g_err;
enum { OURS_NOT_FRAMED = 1000 };

static int ours_parse(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  sf_slice ct, body;
  if (!bench_mime_split(data, len, &ct, &body)) return OURS_NOT_FRAMED;
  return sf_mime_parse(data, ct, body, SF_MIME_INTEROP, &g_tree, &g_err);
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
  bench_buf_puts(&b, BENCH_CT_PREFIX);
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

static void scaling_table(const bench_opts *o) {
  bench_table("mime-scaling",
              "MIME scaling: ns per byte (best of the rounds) at each size; a linear parser "
              "keeps it flat");
  bench_scaling_header(o);
  const bench_contender *cs[] = {&ours, &bench_memchr, &gmime};
  for (size_t i = 0; i < bench_mime_family_count; i++) {
    bench_scaling_family(&bench_mime_families[i], cs, 3, o);
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
