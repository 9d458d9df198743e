/* sip_smime: a whole SIP message through sipsec-check's own check
 * (sf_check_run: SIP parser, MIME parser, CMS parser, OpenSSL verification
 * with the draft's CA at the draft's time, decryption with kumiko's key),
 * the same code the tool runs.
 *
 * Deterministic: the CA, kumiko's key and certificate are compiled in
 * (sf_draft_data.h) and loaded once; the verification time is fixed at
 * 2005-02-04T20:20:00Z; every OpenSSL call leaves the error queue empty and
 * it is cleared again after each input; every report is freed.
 *
 * Promises checked, beyond "no crash":
 *   - every finding has an id of the table and lies in the input (offset,
 *     and an inner offset inside the decrypted or decoded bytes);
 *   - every part of every entity lies inside that entity's bytes;
 *   - OpenSSL's one-call answer agrees with ours: a signature is valid for
 *     sf/smime.h exactly when CMS_verify (signer certificates not checked)
 *     accepts the same DER over the same bytes;
 *   - metamorphic: changing one byte of a preamble or an epilogue of the
 *     body never changes a signature's verdict (when the change leaves the
 *     parts where they were). */
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "report.h"
#include "sf_draft_data.h"

#define DRAFT_TIME 1107548400 /* 2005-02-04T20:20:00Z */

static sf_smime *g_smime;
static sf_check_config g_config;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  char why[256] = "";
  g_smime = sf_smime_new();
  SF_CHECK(g_smime != NULL, "out of memory");
  SF_CHECK(sf_smime_add_ca_pem(g_smime, sf_draft_ca_cert, sizeof sf_draft_ca_cert, why,
                               sizeof why) == 1,
           "cannot load the draft's CA: %s", why);
  SF_CHECK(sf_smime_set_recipient_pem(g_smime, sf_draft_kumiko_key, sizeof sf_draft_kumiko_key,
                                      sf_draft_kumiko_cert, sizeof sf_draft_kumiko_cert, why,
                                      sizeof why) == 0,
           "cannot load kumiko's key: %s", why);
  sf_smime_set_time(g_smime, DRAFT_TIME);
  g_config = sf_check_config_default(g_smime);
  return 0;
}

/* check_findings: known ids, places inside the input. */
static void check_findings(const sf_check_report *r, size_t size) {
  SF_CHECK(r->finding_count <= SF_CHECK_MAX_FINDINGS, "%zu findings", r->finding_count);
  for (size_t i = 0; i < r->finding_count; i++) {
    const sf_check_finding *f = &r->findings[i];
    SF_CHECK(f->id >= 0 && f->id < SF_CHECK_FINDING_COUNT, "finding id %d", f->id);
    SF_CHECK(f->offset <= size, "%s at offset %zu of %zu", sf_check_finding_key(f->id),
             f->offset, size);
    SF_CHECK(f->where[0] != '\0', "%s has no place", sf_check_finding_key(f->id));
    SF_CHECK(!f->has_inner || f->inner_of != NULL, "%s: inner offset of nothing",
             sf_check_finding_key(f->id));
    SF_CHECK(!f->has_inner || f->inner_offset <= SF_SMIME_MAX_CONTENT, "%s: inner offset %zu",
             sf_check_finding_key(f->id), f->inner_offset);
  }
}

/* check_entities: every part inside its entity's bytes; the SIP body is the
 * input's. */
static void check_entities(const sf_check_report *r, const uint8_t *data, size_t size) {
  for (size_t k = 0; k < r->entity_count; k++) {
    const sf_check_entity *en = &r->entities[k];
    SF_CHECK(k == 0 ? en->data == data && en->len == size : en->data == en->owned,
             "entity %zu does not hold its own bytes", k);
    SF_CHECK(en->level <= SF_CHECK_MAX_NESTING, "entity %zu at level %u", k, en->level);
    if (!en->parsed) continue;
    for (size_t i = 0; i < en->tree->part_count; i++) {
      const sf_mime_part *p = &en->tree->parts[i];
      SF_CHECK_WITHIN(p->whole, en->data, en->len, "part");
      SF_CHECK_WITHIN(p->body, en->data, en->len, "part body");
      SF_CHECK_WITHIN(p->signed_content, en->data, en->len, "signed slice");
    }
  }
}

/* openssl_accepts runs CMS_verify, OpenSSL's one call, on |der| over
 * |content| (NULL: the content inside), without checking certificates. */
static int openssl_accepts(const uint8_t *der, size_t len, const uint8_t *content, size_t n) {
  const unsigned char *p = der;
  CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)len);
  if (cms == NULL) return 0;
  /* Through a null filter: a bare memory BIO is copied by OpenSSL 3.0's
   * CMS_verify into one it leaks when CMS_dataInit fails (see
   * harnesses/cms_openssl.c). */
  BIO *dcont = NULL;
  if (content != NULL) {
    dcont = BIO_new(BIO_f_null());
    BIO_push(dcont, BIO_new_mem_buf(content, (int)n));
  }
  int ok = CMS_verify(cms, NULL, NULL, dcont, NULL, CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) == 1;
  BIO_free_all(dcont);
  CMS_ContentInfo_free(cms);
  ERR_clear_error();
  return ok;
}

/* crlf returns a heap copy of |p| with bare LF made CRLF, as signed.c
 * verifies a canonicalised signature. */
static uint8_t *crlf(const uint8_t *p, size_t n, size_t *out_len) {
  uint8_t *out = malloc(2 * n + 1);
  size_t k = 0;
  for (size_t i = 0; out != NULL && i < n; i++) {
    if (p[i] == '\n' && (i == 0 || p[i - 1] != '\r')) out[k++] = '\r';
    out[k++] = p[i];
  }
  *out_len = k;
  return out;
}

/* check_agreement: each checked signature's validity is CMS_verify's. */
static void check_agreement(const sf_check_report *r) {
  for (size_t k = 0; k < r->signature_count; k++) {
    const sf_check_signature *s = &r->signatures[k];
    if (s->verdict->status != SF_SMIME_OK) continue;
    const sf_check_entity *en = &r->entities[s->entity];
    const sf_mime_part *p = &en->tree->parts[s->part];
    size_t sig_index = s->opaque ? s->part : p->signature_part;
    const sf_mime_part *sig = &en->tree->parts[sig_index];
    sf_slice body = sf_check_part_body(r, s->entity, sig_index);
    /* Identity encodings are taken as they are, as sf_check_decode_part
     * does (a DER signature under a 7bit label or none is 8-bit data). */
    int enc = sig->encoding == SF_MIME_ENC_7BIT ? SF_MIME_ENC_8BIT : sig->encoding;
    size_t cap = sf_mime_decoded_bound(enc, body.len), len = 0;
    uint8_t *der = malloc(cap > 0 ? cap : 1);
    sf_error err;
    SF_CHECK(der != NULL && sf_mime_decode(en->data, enc, body,
                                           g_config.mime_flags, der, cap, &len, &err) ==
                                SF_MIME_OK,
             "a verified signature part does not decode");
    size_t n = 0;
    uint8_t *canonical = s->canonicalised ? crlf(p->signed_content.ptr, p->signed_content.len, &n) : NULL;
    const uint8_t *content = s->opaque ? NULL : canonical != NULL ? canonical : p->signed_content.ptr;
    if (canonical == NULL) n = p->signed_content.len;
    int ours = sf_smime_verdict_valid(s->verdict), theirs = openssl_accepts(der, len, content, n);
    SF_CHECK(ours == theirs, "signature %zu: sf_smime_verify says %s, CMS_verify says %s", k,
             ours ? "valid" : "invalid", theirs ? "valid" : "invalid");
    free(canonical);
    free(der);
  }
}

/* run checks one input and returns its report (the caller frees it). */
static sf_check_report *run(const uint8_t *data, size_t size) {
  sf_check_report *r = sf_check_new();
  SF_CHECK(r != NULL, "out of memory");
  sf_check_run(r, &g_config, data, size);
  ERR_clear_error();
  check_findings(r, size);
  check_entities(r, data, size);
  return r;
}

/* pick_region chooses the preamble or epilogue to change: the first
 * multipart of the SIP body that has a non-empty one (which one, when it
 * has both, depends on the input's length, so both are reached). */
static sf_slice pick_region(const sf_check_report *r, size_t size) {
  const sf_check_entity *en = &r->entities[0];
  if (r->entity_count == 0 || !en->parsed) return sf_slice_make(NULL, 0);
  for (size_t i = 0; i < en->tree->part_count; i++) {
    const sf_mime_part *p = &en->tree->parts[i];
    if (!p->is_multipart) continue;
    int pre = p->preamble.len > 0, epi = p->epilogue.len > 0;
    if (pre && (!epi || size % 2 == 0)) return p->preamble;
    if (epi) return p->epilogue;
  }
  return sf_slice_make(NULL, 0);
}

/* same_place says whether signature |k| of both reports is the same part
 * over the same bytes. */
static int same_place(const sf_check_report *a, const sf_check_report *b, size_t k) {
  const sf_check_signature *x = &a->signatures[k], *y = &b->signatures[k];
  if (x->entity != 0 || y->entity != 0 || x->part != y->part || x->opaque != y->opaque) return 0;
  const sf_mime_tree *ta = a->entities[0].tree, *tb = b->entities[0].tree;
  const sf_mime_part *pa = &ta->parts[x->part], *pb = &tb->parts[y->part];
  size_t ia = x->opaque ? x->part : pa->signature_part, ib = y->opaque ? y->part : pb->signature_part;
  sf_slice ba = sf_check_part_body(a, 0, ia), bb = sf_check_part_body(b, 0, ib);
  if (ba.ptr - a->data != bb.ptr - b->data || ba.len != bb.len ||
      ta->parts[ia].encoding != tb->parts[ib].encoding) {
    return 0;
  }
  return x->opaque || (pa->signed_content.ptr - a->data == pb->signed_content.ptr - b->data &&
                       pa->signed_content.len == pb->signed_content.len);
}

/* check_metamorphic changes one byte of a preamble or epilogue and checks
 * that no signature's verdict moves. */
static void check_metamorphic(const sf_check_report *r, const uint8_t *data, size_t size) {
  sf_slice region = pick_region(r, size);
  if (region.len == 0 || r->signature_count == 0) return;
  size_t at = (size_t)(region.ptr - data) + size % region.len;
  if (data[at] == '\r' || data[at] == '\n') return; /* line ends shape the parts */
  uint8_t *copy = malloc(size);
  SF_CHECK(copy != NULL, "out of memory");
  memcpy(copy, data, size);
  copy[at] = data[at] == 'x' ? 'y' : 'x';
  sf_check_report *again = run(copy, size);
  if (again->signature_count == r->signature_count) {
    for (size_t k = 0; k < r->signature_count; k++) {
      if (!same_place(r, again, k)) continue;
      const sf_smime_verdict *v = r->signatures[k].verdict, *w = again->signatures[k].verdict;
      SF_CHECK(v->status == w->status && v->signer_count == w->signer_count,
               "changing preamble/epilogue byte %zu changed signature %zu's status", at, k);
      for (size_t i = 0; i < v->signer_count; i++) {
        SF_CHECK(v->signers[i].signature == w->signers[i].signature &&
                     v->signers[i].cert_problems == w->signers[i].cert_problems,
                 "changing preamble/epilogue byte %zu changed signer %zu of signature %zu", at,
                 i, k);
      }
    }
  }
  sf_check_free(again);
  free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > SF_CHECK_MAX_INPUT) return 0;
  sf_check_report *r = run(data, size);
  check_agreement(r);
  check_metamorphic(r, data, size);
  sf_check_free(r);
  ERR_clear_error();
  return 0;
}
