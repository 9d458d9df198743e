/* bench_sip: SIP parse speed, ours against libosip2 and sofia-sip, and the
 * SIP scaling families; one process, so all three share the machine state.
 *
 * What each side does per message (the timed call, nothing held between
 * calls):
 *   ours      sf_sip_parse(SF_SIP_INTEROP): start line, every header field
 *             framed, every header this parser knows (Via, From, To,
 *             Contact, Route, CSeq, Call-ID, Content-*, Date, Identity, ...)
 *             parsed structurally, URIs included, body framed by
 *             Content-Length; then, when the Content-Type is multipart,
 *             sf_mime_parse(SF_MIME_INTEROP) of the body (part headers
 *             parsed, multipart/signed checked), as libosip2 splits a
 *             multipart body into parts. No allocation: one sf_sip_msg and
 *             one sf_mime_tree are reused.
 *   libosip2  osip_message_init, osip_message_parse, osip_message_free: the
 *             message copied, LWS unfolded, known headers parsed into
 *             structures (Via, From, To, Contact, Route, CSeq, Call-ID,
 *             Content-Type, ...), others kept as name/value strings, a
 *             multipart body split into parts; everything allocated and
 *             freed.
 *   sofia-sip msg_make(sip_default_mclass(), 0, ...), msg_destroy: the
 *             message copied into a msg_t, every header parsed by its class
 *             (headers it cannot parse kept as sip_error), body kept whole;
 *             allocated in one su_home and freed.
 * A peer's failure is a return code (libosip2), NULL or msg_has_error()
 * (sofia-sip), or a header sofia-sip could only keep as sip_error. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <osipparser2/osip_parser.h>
#include <sofia-sip/msg.h>
#include <sofia-sip/sip.h>
#include <sofia-sip/sip_header.h>

#include "bench.h"
#include "osip_setup.h"
#include "sf/mime.h"
#include "sf/sip.h"

/* ---- Ours ----------------------------------------------------------------- */

static sf_sip_msg g_msg;
static sf_mime_tree g_tree;

typedef struct ours_ctx {
  int with_mime;
  int mime_failed; /* which parser the last failure came from */
  sf_error err;
} ours_ctx;

/* multipart_type returns the Content-Type header of |m| if it is
 * multipart/anything, else NULL. */
static const sf_sip_header *multipart_type(const uint8_t *data, const sf_sip_msg *m) {
  size_t index = 0;
  const sf_sip_header *ct = sf_sip_find(m, SF_SIP_H_CONTENT_TYPE, 0, &index);
  if (ct == NULL) return NULL;
  sf_content_type type;
  sf_error err;
  if (sf_content_parse_type(data, ct->value, SF_CONTENT_ALLOW_UNQUOTED_SLASH, &type, &err) !=
      SF_CONTENT_OK) {
    return NULL;
  }
  return sf_slice_eq_nocase_lit(type.type, "multipart") ? ct : NULL;
}

static int ours_parse(void *ctx, const uint8_t *data, size_t len) {
  ours_ctx *c = ctx;
  c->mime_failed = 0;
  int rc = sf_sip_parse(data, len, SF_SIP_INTEROP, &g_msg, &c->err);
  if (rc != SF_SIP_OK || !c->with_mime) return rc;
  const sf_sip_header *ct = multipart_type(data, &g_msg);
  if (ct == NULL) return 0;
  rc = sf_mime_parse(data, ct->value, g_msg.body, SF_MIME_INTEROP, &g_tree, &c->err);
  c->mime_failed = rc != 0;
  return rc;
}

static void ours_explain(void *ctx, int rc, char *out, size_t cap) {
  ours_ctx *c = ctx;
  snprintf(out, cap, "%s at byte %zu",
           c->mime_failed ? sf_mime_status_name(rc) : sf_sip_status_name(rc), c->err.offset);
}

static ours_ctx ours_full = {1, 0, {0, 0, NULL}};
static ours_ctx ours_headers = {0, 0, {0, 0, NULL}};
static const bench_contender ours = {"ours", ours_parse, ours_explain, &ours_full};
/* The scaling families have no body: the SIP parse alone. */
static const bench_contender ours_sip = {"ours", ours_parse, ours_explain, &ours_headers};

/* ---- libosip2 --------------------------------------------------------------- */

static int osip_parse(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  osip_message_t *m = NULL;
  if (osip_message_init(&m) != OSIP_SUCCESS) return -1000;
  int rc = osip_message_parse(m, (const char *)data, len);
  osip_message_free(m);
  return rc;
}

static void osip_explain(void *ctx, int rc, char *out, size_t cap) {
  (void)ctx;
  const char *name = rc == OSIP_SYNTAXERROR     ? " (OSIP_SYNTAXERROR)"
                     : rc == OSIP_BADPARAMETER ? " (OSIP_BADPARAMETER)"
                                               : "";
  snprintf(out, cap, "osip_message_parse returned %d%s", rc, name);
}

static const bench_contender osip = {"libosip2", osip_parse, osip_explain, NULL};

/* ---- sofia-sip --------------------------------------------------------------- */

enum { SOFIA_NULL = 1, SOFIA_ERROR, SOFIA_HEADER_ERROR };

static int sofia_parse(void *ctx, const uint8_t *data, size_t len) {
  (void)ctx;
  msg_t *m = msg_make(sip_default_mclass(), 0, data, (ssize_t)len);
  if (m == NULL) return SOFIA_NULL;
  int rc = 0;
  if (msg_has_error(m)) {
    rc = SOFIA_ERROR;
  } else if (sip_object(m) == NULL || sip_object(m)->sip_error != NULL) {
    rc = SOFIA_HEADER_ERROR;
  }
  msg_destroy(m);
  return rc;
}

static void sofia_explain(void *ctx, int rc, char *out, size_t cap) {
  (void)ctx;
  snprintf(out, cap, "%s",
           rc == SOFIA_NULL    ? "msg_make returned NULL"
           : rc == SOFIA_ERROR ? "msg_make: message has errors"
                               : "msg_make: a header kept as sip_error (not parsed)");
}

static const bench_contender sofia = {"sofia-sip", sofia_parse, sofia_explain, NULL};

/* ---- Table 1: the draft's messages and RFC 4475's valid ones ----------------- */

static const bench_contender *const speed_contenders[4] = {&bench_memchr, &ours, &osip, &sofia};

/* Messages with a multipart body, and what sf_sip_parse alone takes on
 * them: sofia-sip keeps the body whole, so these notes say how much of
 * ours is the MIME parse. */
static char sip_only_notes[8][200];
static size_t sip_only_count;

static void speed_row(bench_speed *sp, const char *dir, const char *name, const bench_opts *o) {
  size_t len;
  uint8_t *data = bench_read_file(dir, name, &len);
  bench_speed_row(sp, name, data, len, o);
  sf_error err;
  if (sf_sip_parse(data, len, SF_SIP_INTEROP, &g_msg, &err) == SF_SIP_OK &&
      multipart_type(data, &g_msg) != NULL && sip_only_count < 8) {
    bench_slot alone = {&ours_sip, data, len, 0, 0, "", 0, 0, 0};
    bench_measure(&alone, 1, o);
    char t[32];
    snprintf(sip_only_notes[sip_only_count++], sizeof sip_only_notes[0],
             "%s: sf_sip_parse alone (without the MIME parse of its multipart body) %s ns", name,
             alone.ok ? bench_fmt_ns(alone.best_ns, t, sizeof t) : alone.why);
  }
  free(data);
}

static void speed_table(const bench_opts *o) {
  char dir[4096], index[4096];
  bench_speed sp;
  bench_speed_begin(&sp, "sip-speed",
                    "SIP parse speed: ns per message, best and median of the rounds; peer/ours > 1 "
                    "means ours is faster",
                    speed_contenders, 4);
  static const char *const draft[] = {"4.2-200-ok.sip", "4.2-message-over-tls.sip",
                                      "5.1-message-signed.sip", "5.2-message-encrypted.sip",
                                      "5.3-message-encrypted-signed.sip"};
  snprintf(dir, sizeof dir, "%s/draft/messages", o->data_dir);
  for (size_t i = 0; i < sizeof draft / sizeof draft[0]; i++) speed_row(&sp, dir, draft[i], o);
  /* RFC 4475: every message INDEX.tsv calls VALID ("VALID", "VALID syntax",
   * "VALID (legacy)"), in its order. */
  snprintf(dir, sizeof dir, "%s/rfc4475/messages", o->data_dir);
  snprintf(index, sizeof index, "%s/rfc4475", o->data_dir);
  size_t ilen;
  uint8_t *tsv = bench_read_file(index, "INDEX.tsv", &ilen);
  char *text = malloc(ilen + 1);
  memcpy(text, tsv, ilen);
  text[ilen] = '\0';
  for (char *line = strtok(text, "\n"); line != NULL; line = strtok(NULL, "\n")) {
    char *tab1 = strchr(line, '\t');
    char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    char *tab3 = tab2 ? strchr(tab2 + 1, '\t') : NULL;
    if (tab3 == NULL || strncmp(tab3 + 1, "VALID", 5) != 0) continue;
    *tab1 = '\0';
    speed_row(&sp, dir, line, o);
  }
  free(text);
  free(tsv);
  bench_speed_end(&sp);
  for (size_t i = 0; i < sip_only_count; i++) bench_note("%s", sip_only_notes[i]);
  bench_note("memchr: one memchr() pass over the message counting LF, the floor for a parser "
             "that reads every line.");
  bench_note("ours reuses one sf_sip_msg (%zu bytes) and one sf_mime_tree (%zu bytes) for every "
             "message.",
             sizeof g_msg, sizeof g_tree);
  bench_note("ours: sf_sip_parse (every known header parsed structurally) plus sf_mime_parse of "
             "a multipart body; libosip2: osip_message_init/parse/free (known headers parsed, "
             "multipart body split); sofia-sip: msg_make/msg_destroy (every header parsed, body "
             "kept whole). Details in docs/performance.md.");
}

/* ---- Table 2: scaling families ----------------------------------------------- */

static void scaling_table(const bench_opts *o) {
  bench_table("sip-scaling",
              "SIP scaling: ns per byte (best of the rounds) at each size; a linear parser "
              "keeps it flat");
  bench_scaling_header(o);
  const bench_contender *cs[] = {&ours_sip, &bench_memchr, &osip, &sofia};
  for (size_t i = 0; i < bench_sip_family_count; i++) {
    bench_scaling_family(&bench_sip_families[i], cs, 4, o);
  }
}

int main(int argc, char **argv) {
  bench_opts o;
  bench_parse_args(argc, argv, &o);
  if (sf_bench_osip_init() != OSIP_SUCCESS) {
    fprintf(stderr, "bench_sip: libosip2 parser_init failed\n");
    return 1;
  }
  if (o.run_speed) speed_table(&o);
  if (o.run_scaling) scaling_table(&o);
  return 0;
}
