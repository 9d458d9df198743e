/* test_cms.c: the CMS parser on the draft's four blobs (known answers from
 * draft-jennings-sip-sec-flows-02 and its ASN.1 dumps), on the table of
 * malformed inputs in tests/data/cms-bad/INDEX.tsv, on every truncated
 * prefix of each blob, on every SF_CMS_MAX_* count at its limit and one past
 * it (messages built by cms_build.c), on every return site of the
 * structural codes (built messages with one element written wrong, the
 * offset marked by the builder), and on the optional parts the draft's
 * blobs leave out. Inputs go through sf_guard. */
#include <stdlib.h>

#include "cms_build.h"
#include "sf/cms.h"
#include "testlib.h"

static sf_cms result; /* large: keep it off the stack */

static int parse_file(const char *rel, unsigned flags, sf_error *err) {
  size_t len = 0;
  uint8_t *raw = sf_read_file(sf_source_path(rel), &len);
  if (raw == NULL) return -1;
  const uint8_t *in = sf_guard(raw, len);
  free(raw);
  return sf_cms_parse(in, len, flags, &result, err);
}

static void check_hex(sf_slice s, const char *hex) {
  uint8_t want[256];
  size_t n = 0;
  for (; hex[0] && hex[1] && n < sizeof want; hex += 2) {
    unsigned v = 0;
    sscanf(hex, "%2x", &v);
    want[n++] = (uint8_t)v;
  }
  CHECK_BYTES(s, want, n);
}

static const uint8_t oid_data[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01};
static const uint8_t oid_sha1[] = {0x2B, 0x0E, 0x03, 0x02, 0x1A};
static const uint8_t oid_rsa[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01};
static const uint8_t oid_des3[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x03, 0x07};

/* 2005-02-03 18:49:34 UTC and three years later. */
#define NOT_BEFORE 1107456574
#define NOT_AFTER 1202064574

static void check_signed_blob(const char *rel, int64_t signing_time, const char *digest) {
  sf_error err;
  CHECK_INT(parse_file(rel, 0, &err), SF_CMS_OK);
  CHECK_INT(err.code, SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_SIGNED);
  CHECK_INT(result.warnings, 0);
  CHECK_INT(result.nesting, 1);
  const sf_cms_signed_data *sd = &result.signed_data;
  CHECK_INT(sd->version, 1);
  CHECK_INT(sd->digest_alg_count, 1);
  CHECK_BYTES(sd->digest_algs[0].oid, oid_sha1, sizeof oid_sha1);
  CHECK_BYTES(sd->econtent_type, oid_data, sizeof oid_data);
  CHECK_INT(sd->has_econtent, 0); /* detached */
  CHECK_INT(sd->crl_count, 0);
  CHECK_INT(sd->certs.count, 1);
  CHECK_INT(sd->certs.other_count, 0);
  const sf_cms_cert *c = &sd->certs.items[0];
  CHECK_INT(c->version, 2);
  check_hex(c->serial, "0195007102330058");
  CHECK_INT(sf_der_time_to_unix(&c->not_before), NOT_BEFORE);
  CHECK_INT(sf_der_time_to_unix(&c->not_after), NOT_AFTER);
  CHECK_INT(c->not_before.generalized, 0);
  CHECK_BYTES(c->key_alg.oid, oid_rsa, sizeof oid_rsa);
  CHECK_INT(c->public_key.len, 141);
  CHECK_INT(c->has_san, 1);
  CHECK_INT(c->san_count, 3);
  CHECK_INT(c->san[0].type, SF_CMS_GN_URI);
  CHECK_SLICE(c->san[0].value, "sip:fluffy@example.com");
  CHECK_INT(c->san[1].type, SF_CMS_GN_URI);
  CHECK_SLICE(c->san[1].value, "im:fluffy@example.com");
  CHECK_INT(c->san[2].type, SF_CMS_GN_URI);
  CHECK_SLICE(c->san[2].value, "pres:fluffy@example.com");
  CHECK_INT(c->has_basic_constraints, 1);
  CHECK_INT(c->is_ca, 0);
  CHECK_INT(c->has_path_len, 0);
  check_hex(c->key_id, "ECDA985EE9F7F7D7EC2B294BDA25EEC7C77E9570");
  CHECK_INT(c->has_eku, 0);
  CHECK_INT(c->extension_count, 3);
  /* The subject's last RDN is CN=fluffy@example.com, a T61String. */
  CHECK(c->subject.len == 100);
  CHECK_SLICE(sf_slice_make(c->subject.ptr + c->subject.len - 18, 18), "fluffy@example.com");

  CHECK_INT(sd->signer_count, 1);
  const sf_cms_signer *s = &sd->signers[0];
  CHECK_INT(s->version, 1);
  CHECK_INT(s->sid.kind, SF_CMS_SID_ISSUER_SERIAL);
  check_hex(s->sid.serial, "0195007102330058");
  CHECK(sf_slice_eq(s->sid.issuer, c->issuer));
  CHECK_BYTES(s->digest_alg.oid, oid_sha1, sizeof oid_sha1);
  CHECK_INT(s->signed_attrs.count, 4);
  CHECK_BYTES(s->content_type, oid_data, sizeof oid_data);
  CHECK_INT(s->has_signing_time, 1);
  CHECK_INT(sf_der_time_to_unix(&s->signing_time), signing_time);
  check_hex(s->message_digest, digest);
  CHECK_INT(s->has_smime_caps, 1);
  CHECK_INT(s->smime_cap_count, 5);
  CHECK_BYTES(s->smime_caps[0].oid, oid_des3, sizeof oid_des3);
  CHECK_INT(s->smime_caps[0].params.len, 0);
  CHECK_INT(s->smime_caps[1].params.len, 4); /* rc2-cbc, INTEGER 128 */
  CHECK_BYTES(s->signature_alg.oid, oid_rsa, sizeof oid_rsa);
  CHECK_INT(s->signature.len, 128);
  CHECK_INT(s->unsigned_attrs.count, 0);
  CHECK(!sf_slice_is_present(s->unsigned_attrs.whole));
}

static void test_blob1(void) {
  /* signingTime 050204201712Z */
  check_signed_blob("tests/data/draft/cms/blob1-signed.der", 1107548232,
                    "da23800f1eb9e195cc7e553d49aec17ad599da2b");
}

static void test_blob4(void) {
  check_signed_blob("tests/data/draft/cms/blob4-signed.der", 1107547634,
                    "58ed12dd68189996f94c814ca651bd84a8baf36a");
}

static void check_enveloped_blob(const char *rel) {
  sf_error err;
  CHECK_INT(parse_file(rel, 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_ENVELOPED);
  const sf_cms_enveloped_data *ed = &result.enveloped_data;
  CHECK_INT(ed->version, 0);
  CHECK(!sf_slice_is_present(ed->originator_info));
  CHECK_INT(ed->recipient_count, 1);
  const sf_cms_recipient *r = &ed->recipients[0];
  CHECK_INT(r->kind, SF_CMS_RI_KTRI);
  CHECK_INT(r->version, 0);
  CHECK_INT(r->rid.kind, SF_CMS_SID_ISSUER_SERIAL);
  check_hex(r->rid.serial, "0195007102330057");
  CHECK_BYTES(r->key_enc_alg.oid, oid_rsa, sizeof oid_rsa);
  CHECK_INT(r->encrypted_key.len, 128);
  CHECK_BYTES(ed->content_type, oid_data, sizeof oid_data);
  CHECK_BYTES(ed->content_enc_alg.oid, oid_des3, sizeof oid_des3);
  CHECK_INT(ed->has_encrypted_content, 1);
  CHECK_INT(ed->encrypted_content.constructed, 0);
  CHECK_INT(ed->encrypted_content.length, 72);
  CHECK_INT(ed->unprotected_attrs.count, 0);
}

static void test_blob2(void) {
  check_enveloped_blob("tests/data/draft/cms/blob2-enveloped.der");
  check_hex(result.enveloped_data.iv, "058BC4DC505ED709");
}

static void test_blob3(void) {
  check_enveloped_blob("tests/data/draft/cms/blob3-enveloped.der");
  CHECK_INT(result.enveloped_data.iv.len, 8);
}

static void test_certificate_alone(void) {
  /* The certificate inside blob 1, through the certificate entry point. */
  sf_error err;
  size_t len = 0;
  uint8_t *raw = sf_read_file(sf_source_path("tests/data/draft/cms/blob1-signed.der"), &len);
  if (raw == NULL) return;
  sf_cms_cert cert;
  const uint8_t *in = sf_guard(raw + 56, 722); /* offset 56, 4 + 718 bytes */
  free(raw);
  CHECK_INT(sf_cms_parse_certificate(in, 722, 0, &cert, &err), SF_CMS_OK);
  CHECK_INT(cert.san_count, 3);
  CHECK_INT(sf_cms_parse_certificate(in, 721, 0, &cert, &err), SF_CMS_TRUNCATED);
  CHECK_INT(err.offset, 721);
}

static unsigned flags_named(const char *s) {
  if (strcmp(s, "SF_CMS_ALLOW_BER") == 0) return SF_CMS_ALLOW_BER;
  if (strcmp(s, "SF_CMS_ALLOW_DETACHED_ENCRYPTED") == 0) return SF_CMS_ALLOW_DETACHED_ENCRYPTED;
  return 0;
}

static void test_bad_inputs(void) {
  /* Every row of INDEX.tsv: file, expected status, flags, description. */
  FILE *f = fopen(sf_source_path("tests/data/cms-bad/INDEX.tsv"), "r");
  CHECK(f != NULL);
  if (f == NULL) return;
  char line[512];
  int rows = 0;
  while (fgets(line, sizeof line, f)) {
    char *file = strtok(line, "\t\n");
    char *status = strtok(NULL, "\t\n");
    char *rest = strtok(NULL, "\n");
    if (file == NULL || status == NULL || strcmp(file, "file") == 0) continue;
    char flags_name[64] = "";
    if (rest != NULL && rest[0] != '\t') sscanf(rest, "%63[^\t]", flags_name);
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/cms-bad/%s", file);
    sf_error err;
    int rc = parse_file(rel, flags_named(flags_name), &err);
    sf_test_checks++;
    if (strcmp(sf_cms_status_name(rc), status) != 0) {
      sf_test_failures++;
      fprintf(stderr, "[bad_inputs] %s: got %s at offset %zu (%s), want %s\n", file,
              sf_cms_status_name(rc), err.offset, err.reason, status);
    }
    CHECK_INT(err.code, rc);
    rows++;
  }
  fclose(f);
  CHECK(rows >= 20);
}

static void test_warnings(void) {
  sf_error err;
  CHECK_INT(parse_file("tests/data/cms-bad/nonminimal-length-ber.der", SF_CMS_ALLOW_BER, &err),
            SF_CMS_OK);
  CHECK_INT(result.warnings, SF_DER_W_NONMINIMAL_LENGTH);
  CHECK_INT(parse_file("tests/data/cms-bad/enveloped-no-encrypted-content.der",
                       SF_CMS_ALLOW_DETACHED_ENCRYPTED, &err),
            SF_CMS_OK);
  CHECK_INT(result.warnings, SF_CMS_W_DETACHED_ENCRYPTED);
  CHECK_INT(result.enveloped_data.has_encrypted_content, 0);
  CHECK_INT(parse_file("tests/data/cms-bad/nesting-at-limit.der", 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_CONTENT_INFO);
  CHECK_INT(result.nesting, SF_CMS_MAX_NESTING);
  /* Error positions: the two bytes after the outer object, the tag octet. */
  CHECK_INT(parse_file("tests/data/cms-bad/trailing-bytes.der", 0, &err), SF_CMS_TRAILING_DATA);
  CHECK_INT(err.offset, 1252);
  CHECK_INT(parse_file("tests/data/cms-bad/high-tag-low-number.der", 0, &err),
            SF_CMS_NONMINIMAL_TAG);
  CHECK_INT(err.offset, 4);
}

static void test_every_prefix(void) {
  /* A truncated message must fail, never crash or read past its end. */
  static const char *const blobs[] = {
      "tests/data/draft/cms/blob1-signed.der", "tests/data/draft/cms/blob2-enveloped.der",
      "tests/data/draft/cms/blob3-enveloped.der", "tests/data/draft/cms/blob4-signed.der"};
  for (size_t b = 0; b < sizeof blobs / sizeof blobs[0]; b++) {
    size_t len = 0;
    uint8_t *raw = sf_read_file(sf_source_path(blobs[b]), &len);
    if (raw == NULL) continue;
    int bad = 0;
    for (size_t n = 0; n < len; n++) {
      sf_error err;
      const uint8_t *in = sf_guard(raw, n);
      int rc = sf_cms_parse(in, n, SF_CMS_ALLOW_BER, &result, &err);
      if (rc == SF_CMS_OK || err.offset > n) bad++;
    }
    CHECK_INT(bad, 0);
    free(raw);
  }
}

/* The seeds scripts/gen-cms-seeds made with openssl cms (corpus/cms-seeds.tsv
 * says which command made which file). */
#define SEED(sha1) "corpus/cms/" sha1

static void test_openssl_made_messages(void) {
  sf_error err;
  /* -stream -nodetach: indefinite lengths and a constructed eContent that
   * joins to the content that was signed. */
  CHECK_INT(parse_file(SEED("0ffa774307fc6da5e551512e5f2247bf383e22a6"), 0, &err),
            SF_CMS_INDEFINITE_LENGTH);
  CHECK_INT(err.offset, 1);
  CHECK_INT(parse_file(SEED("0ffa774307fc6da5e551512e5f2247bf383e22a6"), SF_CMS_ALLOW_BER, &err),
            SF_CMS_OK);
  CHECK(result.warnings & SF_DER_W_INDEFINITE);
  const sf_cms_signed_data *sd = &result.signed_data;
  CHECK_INT(sd->has_econtent, 1);
  size_t want_len = 0, got_len = 0;
  uint8_t *want = sf_read_file(sf_source_path("tests/data/draft/cms/blob1-signed-content.bin"),
                               &want_len);
  uint8_t got[256];
  CHECK_INT(sf_der_string_copy(&sd->econtent, got, sizeof got, &got_len), SF_DER_OK);
  if (want) CHECK_BYTES(sf_slice_make(got, got_len), want, want_len);
  free(want);
  CHECK_INT(sd->signers[0].message_digest.len, 32); /* SHA-256 */

  /* -keyid: signer and recipient named by subjectKeyIdentifier. */
  CHECK_INT(parse_file(SEED("3b8966d4dd7d4cdd163117e0ffe73036fda5d53e"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.signed_data.signers[0].version, 3);
  CHECK_INT(result.signed_data.signers[0].sid.kind, SF_CMS_SID_KEY_ID);
  check_hex(result.signed_data.signers[0].sid.key_id, "ECDA985EE9F7F7D7EC2B294BDA25EEC7C77E9570");
  CHECK_INT(parse_file(SEED("a3dc6e29408bc47320551c027a36807f9aa8c39e"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.enveloped_data.recipients[0].version, 2);
  CHECK_INT(result.enveloped_data.recipients[0].rid.kind, SF_CMS_SID_KEY_ID);
  CHECK_INT(result.enveloped_data.iv.len, 16); /* AES-256-CBC */

  /* Two signers; two recipients; password and KEK recipients kept raw. */
  CHECK_INT(parse_file(SEED("8285d5036856af7245e7889f35225910e190df17"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.signed_data.signer_count, 2);
  CHECK_INT(result.signed_data.certs.count, 2);
  CHECK_INT(parse_file(SEED("4a1a38415752865e27a1d51a093b59a9392c277a"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.enveloped_data.recipient_count, 2);
  CHECK_INT(parse_file(SEED("cf0976bb0905726e57e5160799d82ced3ca586f5"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.enveloped_data.recipients[0].kind, SF_CMS_RI_PWRI);
  CHECK_INT(parse_file(SEED("a5a8c0aca427ce8fd649341c2c127f3aefea130d"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.enveloped_data.recipients[0].kind, SF_CMS_RI_KEKRI);

  /* No signed attributes: nothing decoded, still one signer. */
  CHECK_INT(parse_file(SEED("72cd47d6c5a9f9f91b8bac2bb72df7a3de8f55a0"), 0, &err), SF_CMS_OK);
  CHECK(!sf_slice_is_present(result.signed_data.signers[0].signed_attrs.whole));
  CHECK(!sf_slice_is_present(result.signed_data.signers[0].message_digest));

  /* An EnvelopedData ContentInfo signed as id-ct-contentInfo: two levels. */
  CHECK_INT(parse_file(SEED("8f2f0c5ad8b81786506a4a92f1daa2209aab9d09"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.nesting, 2);

  /* Other content types recognized by OID and kept raw. */
  CHECK_INT(parse_file(SEED("6ade7f76db9791131e3f2bb79536abed79574a8d"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_DIGESTED);
  CHECK_INT(parse_file(SEED("b439a1c12badb9b39aa19495c8e3c1dd71efe242"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_ENCRYPTED);
  CHECK_INT(parse_file(SEED("271c2f92b0cbef0b8fc2f7db5d3f07e21937577b"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_DATA);
  CHECK_INT(result.data.length, 68);

  /* A certificate with extendedKeyUsage (emailProtection, clientAuth). */
  CHECK_INT(parse_file(SEED("7a8d91a3cc4736f936b113c28884e67a18366083"), 0, &err), SF_CMS_OK);
  const sf_cms_cert *c = &result.signed_data.certs.items[0];
  CHECK_INT(c->has_eku, 1);
  CHECK_INT(c->eku_count, 2);
  static const uint8_t email_protection[] = {0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x04};
  CHECK_BYTES(c->eku[0], email_protection, sizeof email_protection);
  CHECK_INT(c->san_count, 3);
  CHECK_INT(c->san[1].type, SF_CMS_GN_EMAIL);
  CHECK_SLICE(c->san[1].value, "fluffy@example.com");
  CHECK_INT(c->san[2].type, SF_CMS_GN_DNS);
}

/* parse_built parses what |w| holds (strict DER: every shape is DER) from
 * a guarded copy, whose start it stores in *out_base if that is not NULL. */
static int parse_built(const sf_dw *w, sf_error *err, const uint8_t **out_base) {
  const uint8_t *in = sf_guard(w->buf, w->len);
  if (out_base != NULL) *out_base = in;
  return sf_cms_parse(in, w->len, 0, &result, err);
}

/* The count of list |l| in the last result. */
static size_t count_in_result(sf_cms_list l) {
  const sf_cms_signed_data *sd = &result.signed_data;
  const sf_cms_enveloped_data *ed = &result.enveloped_data;
  switch (l) {
    case SF_LIST_DIGEST_ALGS: return sd->digest_alg_count;
    case SF_LIST_CERTS: return sd->certs.count;
    case SF_LIST_CRLS: return sd->crl_count;
    case SF_LIST_SIGNERS: return sd->signer_count;
    case SF_LIST_SIGNED_ATTRS: return sd->signers[0].signed_attrs.count;
    case SF_LIST_UNSIGNED_ATTRS: return sd->signers[0].unsigned_attrs.count;
    case SF_LIST_ATTR_VALUES: return sd->signers[0].unsigned_attrs.items[0].value_count;
    case SF_LIST_SMIME_CAPS: return sd->signers[0].smime_cap_count;
    case SF_LIST_EXTENSIONS: return sd->certs.items[0].extension_count;
    case SF_LIST_SAN: return sd->certs.items[0].san_count;
    case SF_LIST_EKU: return sd->certs.items[0].eku_count;
    case SF_LIST_RECIPIENTS: return ed->recipient_count;
    case SF_LIST_ORIGINATOR_CERTS: return ed->originator_certs.count;
    case SF_LIST_UNPROTECTED_ATTRS: return ed->unprotected_attrs.count;
    default: return (size_t)-1; /* not reported by the parser (originator CRLs) */
  }
}

static void test_count_limits(void) {
  /* Every named count: exactly the limit is accepted (and counted); one more
   * is rejected with the limit's own code at the first byte of the element
   * past the limit, a position the builder marked while writing. */
  static const struct {
    const char *what;
    sf_cms_list list;
    size_t limit;
    int code;
  } rows[] = {
      {"digestAlgorithms", SF_LIST_DIGEST_ALGS, SF_CMS_MAX_DIGEST_ALGS,
       SF_CMS_TOO_MANY_DIGEST_ALGS},
      {"certificates", SF_LIST_CERTS, SF_CMS_MAX_CERTS, SF_CMS_TOO_MANY_CERTS},
      {"originatorInfo certificates", SF_LIST_ORIGINATOR_CERTS, SF_CMS_MAX_CERTS,
       SF_CMS_TOO_MANY_CERTS},
      {"crls", SF_LIST_CRLS, SF_CMS_MAX_CRLS, SF_CMS_TOO_MANY_CRLS},
      {"originatorInfo crls", SF_LIST_ORIGINATOR_CRLS, SF_CMS_MAX_CRLS, SF_CMS_TOO_MANY_CRLS},
      {"signerInfos", SF_LIST_SIGNERS, SF_CMS_MAX_SIGNERS, SF_CMS_TOO_MANY_SIGNERS},
      {"recipientInfos", SF_LIST_RECIPIENTS, SF_CMS_MAX_RECIPIENTS, SF_CMS_TOO_MANY_RECIPIENTS},
      {"signedAttrs", SF_LIST_SIGNED_ATTRS, SF_CMS_MAX_ATTRS, SF_CMS_TOO_MANY_ATTRS},
      {"unsignedAttrs", SF_LIST_UNSIGNED_ATTRS, SF_CMS_MAX_ATTRS, SF_CMS_TOO_MANY_ATTRS},
      {"unprotectedAttrs", SF_LIST_UNPROTECTED_ATTRS, SF_CMS_MAX_ATTRS, SF_CMS_TOO_MANY_ATTRS},
      {"attribute values", SF_LIST_ATTR_VALUES, SF_CMS_MAX_ATTR_VALUES,
       SF_CMS_TOO_MANY_ATTR_VALUES},
      {"smimeCapabilities", SF_LIST_SMIME_CAPS, SF_CMS_MAX_SMIME_CAPS, SF_CMS_TOO_MANY_SMIME_CAPS},
      {"certificate extensions", SF_LIST_EXTENSIONS, SF_CMS_MAX_EXTENSIONS,
       SF_CMS_TOO_MANY_EXTENSIONS},
      {"subjectAltName entries", SF_LIST_SAN, SF_CMS_MAX_SAN, SF_CMS_TOO_MANY_SAN},
      {"extendedKeyUsage purposes", SF_LIST_EKU, SF_CMS_MAX_EKU, SF_CMS_TOO_MANY_EKU},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    for (size_t count = rows[i].limit; count <= rows[i].limit + 1; count++) {
      sf_dw w;
      sf_error err;
      sf_dw_init(&w);
      unsigned mark = sf_cms_build_with(&w, rows[i].list, count, rows[i].limit);
      int want = count > rows[i].limit ? rows[i].code : SF_CMS_OK;
      size_t want_offset = want == SF_CMS_OK ? 0 : sf_dw_mark_at(&w, mark);
      int rc = parse_built(&w, &err, NULL);
      size_t n = rc == SF_CMS_OK ? count_in_result(rows[i].list) : 0;
      sf_test_checks++;
      if (rc != want || err.code != rc || err.offset != want_offset ||
          strcmp(err.reason, sf_cms_status_reason(want)) != 0 ||
          (rc == SF_CMS_OK && n != (size_t)-1 && n != count)) {
        sf_test_failures++;
        fprintf(stderr, "[count_limits] %zu %s: got %s at %zu (count %zu), want %s at %zu\n",
                count, rows[i].what, sf_cms_status_name(rc), err.offset, n,
                sf_cms_status_name(want), want_offset);
      }
      sf_dw_free(&w);
    }
  }
}

/* Where an edited input goes: sf_cms_parse on the whole message, or
 * sf_cms_parse_certificate on the certificate alone. */
enum entry { MESSAGE, CERT_ALONE };

static sf_cms_cert cert_result; /* large: keep it off the stack */

/* parse_edited builds |edit| for |entry|, parses it from a guarded copy with
 * |flags| and stores the mark at the fault (SF_DW_MAX_MARKS for none) in
 * *out_want_offset as an offset (0 for none). */
static int parse_edited(sf_cms_edit edit, enum entry entry, unsigned flags, sf_error *err,
                        size_t *out_want_offset) {
  sf_dw w;
  sf_dw_init(&w);
  unsigned mark =
      entry == MESSAGE ? sf_cms_build_edited(&w, edit) : sf_cms_build_certificate(&w, edit);
  *out_want_offset = mark == SF_DW_MAX_MARKS ? 0 : sf_dw_mark_at(&w, mark);
  const uint8_t *in = sf_guard(w.buf, w.len);
  int rc = entry == MESSAGE ? sf_cms_parse(in, w.len, flags, &result, err)
                            : sf_cms_parse_certificate(in, w.len, flags, &cert_result, err);
  sf_dw_free(&w);
  return rc;
}

static void test_edited_shapes(void) {
  /* Every return site of the structural codes below: a valid built message
   * with one element written wrong (cms_build.h says which, and marks where
   * it starts while writing it). The parser must return the row's code, at
   * exactly that mark, with the table's reason; the rows with SF_CMS_OK are
   * edges that must stay accepted. */
  static const struct {
    sf_cms_edit edit;
    enum entry entry;
    unsigned flags;
    int code;
    const char *what;
  } rows[] = {
      /* content_info.c: the outer SEQUENCE, its contentType, a nested level. */
      {SF_EDIT_CI_SET, MESSAGE, 0, SF_CMS_NOT_CONTENT_INFO, "ContentInfo is a SET"},
      {SF_EDIT_CI_TYPE_INTEGER, MESSAGE, 0, SF_CMS_NOT_CONTENT_INFO, "contentType is an INTEGER"},
      {SF_EDIT_CI_NESTED_OCTETS, MESSAGE, 0, SF_CMS_NOT_CONTENT_INFO,
       "id-ct-contentInfo content is an OCTET STRING"},
      /* algorithm.c: not a SEQUENCE, no OID, more than one parameter; in
       * each structure that has an AlgorithmIdentifier. */
      {SF_EDIT_DIGEST_ALGS_BARE_OID, MESSAGE, 0, SF_CMS_BAD_ALGORITHM,
       "digestAlgorithms entry is an OID alone"},
      {SF_EDIT_SIGNER_DIGEST_ALG_NO_OID, MESSAGE, 0, SF_CMS_BAD_ALGORITHM,
       "signer digestAlgorithm SEQUENCE { NULL }"},
      {SF_EDIT_SIGNATURE_ALG_EXTRA, MESSAGE, 0, SF_CMS_BAD_ALGORITHM,
       "signatureAlgorithm with two parameters"},
      {SF_EDIT_KEY_ALG_BARE_OID, MESSAGE, 0, SF_CMS_BAD_ALGORITHM,
       "certificate key algorithm is an OID alone"},
      {SF_EDIT_KEY_ENC_ALG_NO_OID, MESSAGE, 0, SF_CMS_BAD_ALGORITHM,
       "keyEncryptionAlgorithm SEQUENCE { NULL }"},
      {SF_EDIT_CONTENT_ENC_ALG_EXTRA, MESSAGE, 0, SF_CMS_BAD_ALGORITHM,
       "contentEncryptionAlgorithm { OID, IV, NULL }"},
      /* name.c: issuerAndSerialNumber without its INTEGER; neither choice. */
      {SF_EDIT_SID_SERIAL_OCTETS, MESSAGE, 0, SF_CMS_BAD_SIGNER_ID,
       "issuerAndSerialNumber serial is an OCTET STRING"},
      {SF_EDIT_SID_OCTETS, MESSAGE, 0, SF_CMS_BAD_SIGNER_ID, "sid is an untagged OCTET STRING"},
      {SF_EDIT_RID_INTEGER, MESSAGE, 0, SF_CMS_BAD_SIGNER_ID, "rid is an INTEGER"},
      /* attributes.c: an empty SET in each of the three places; an
       * Attribute's four faults. */
      {SF_EDIT_SIGNED_ATTRS_EMPTY, MESSAGE, 0, SF_CMS_EMPTY_ATTRIBUTES, "signedAttrs [0] empty"},
      {SF_EDIT_UNSIGNED_ATTRS_EMPTY, MESSAGE, 0, SF_CMS_EMPTY_ATTRIBUTES,
       "unsignedAttrs [1] empty"},
      {SF_EDIT_UNPROTECTED_ATTRS_EMPTY, MESSAGE, 0, SF_CMS_EMPTY_ATTRIBUTES,
       "unprotectedAttrs [1] empty"},
      {SF_EDIT_ATTR_BARE_OID, MESSAGE, 0, SF_CMS_BAD_ATTRIBUTE, "attribute is an OID alone"},
      {SF_EDIT_ATTR_TYPE_INTEGER, MESSAGE, 0, SF_CMS_BAD_ATTRIBUTE, "attribute type is an INTEGER"},
      {SF_EDIT_ATTR_VALUE_NOT_SET, MESSAGE, 0, SF_CMS_BAD_ATTRIBUTE,
       "attribute value not in a SET"},
      {SF_EDIT_ATTR_EXTRA, MESSAGE, 0, SF_CMS_BAD_ATTRIBUTE,
       "attribute with an element after its SET"},
      {SF_EDIT_ATTR_NO_VALUES, MESSAGE, 0, SF_CMS_OK, "attribute of a test type with no value"},
      /* signer_info.c: the signed attributes' rules. */
      {SF_EDIT_NO_CONTENT_TYPE_ATTR, MESSAGE, 0, SF_CMS_MISSING_CONTENT_TYPE_ATTR,
       "signedAttrs without contentType"},
      {SF_EDIT_CONTENT_TYPE_UNSIGNED, MESSAGE, 0, SF_CMS_MISSING_CONTENT_TYPE_ATTR,
       "contentType among the unsigned attributes"},
      {SF_EDIT_SIGNING_TIME_NO_VALUE, MESSAGE, 0, SF_CMS_BAD_SIGNING_TIME,
       "signingTime with no value"},
      {SF_EDIT_SIGNING_TIME_TWO_VALUES, MESSAGE, 0, SF_CMS_BAD_SIGNING_TIME,
       "signingTime with two values"},
      {SF_EDIT_SIGNING_TIME_INTEGER, MESSAGE, 0, SF_CMS_BAD_SIGNING_TIME, "signingTime an INTEGER"},
      {SF_EDIT_SIGNING_TIME_GENERALIZED_2005, MESSAGE, 0, SF_CMS_BAD_SIGNING_TIME,
       "signingTime GeneralizedTime in 2005"},
      {SF_EDIT_SIGNING_TIME_GENERALIZED_1949, MESSAGE, 0, SF_CMS_OK,
       "signingTime GeneralizedTime in 1949"},
      {SF_EDIT_SIGNING_TIME_GENERALIZED_2050, MESSAGE, 0, SF_CMS_OK,
       "signingTime GeneralizedTime in 2050"},
      {SF_EDIT_SIGNATURE_EMPTY, MESSAGE, 0, SF_CMS_EMPTY_SIGNATURE, "signature 04 00"},
      /* enveloped_data.c */
      {SF_EDIT_ENCRYPTED_KEY_EMPTY, MESSAGE, 0, SF_CMS_EMPTY_SIGNATURE, "encryptedKey 04 00"},
      {SF_EDIT_RECIPIENT_INFOS_SEQUENCE, MESSAGE, 0, SF_CMS_BAD_RECIPIENT_INFO,
       "recipientInfos is a SEQUENCE"},
      {SF_EDIT_RECIPIENT_INFOS_EMPTY, MESSAGE, 0, SF_CMS_BAD_RECIPIENT_INFO,
       "recipientInfos is empty"},
      {SF_EDIT_RECIPIENT_CTX0, MESSAGE, 0, SF_CMS_BAD_RECIPIENT_INFO, "recipient is [0] { ktri }"},
      /* certificate.c: the certificate alone and inside a CertificateSet. */
      {SF_EDIT_CERT_SET, CERT_ALONE, 0, SF_CMS_BAD_CERTIFICATE, "certificate alone is a SET"},
      {SF_EDIT_CERT_SET, MESSAGE, 0, SF_CMS_BAD_CERTIFICATE, "certificates holds a SET"},
      {SF_EDIT_CERT_CHOICE_CTX4, MESSAGE, 0, SF_CMS_BAD_CERTIFICATE, "certificates holds a [4]"},
      {SF_EDIT_CERT_OTHER_NO_OID, MESSAGE, 0, SF_CMS_BAD_CERTIFICATE,
       "other [3] certificate without its OID"},
      {SF_EDIT_TBS_SET, CERT_ALONE, 0, SF_CMS_BAD_CERTIFICATE, "tbsCertificate is a SET"},
      {SF_EDIT_TBS_SET, MESSAGE, 0, SF_CMS_BAD_CERTIFICATE, "tbsCertificate is a SET"},
      {SF_EDIT_SERIAL_OCTETS, CERT_ALONE, 0, SF_CMS_BAD_CERTIFICATE, "serial an OCTET STRING"},
      {SF_EDIT_SPKI_SET, CERT_ALONE, 0, SF_CMS_BAD_CERTIFICATE, "subjectPublicKeyInfo a SET"},
      {SF_EDIT_SPKI_KEY_OCTETS, CERT_ALONE, 0, SF_CMS_BAD_CERTIFICATE,
       "subjectPublicKey an OCTET STRING"},
      {SF_EDIT_CERT_SIG_OCTETS, CERT_ALONE, 0, SF_CMS_BAD_CERTIFICATE,
       "signatureValue an OCTET STRING"},
      {SF_EDIT_CERT_SIG_OCTETS, MESSAGE, 0, SF_CMS_BAD_CERTIFICATE,
       "signatureValue an OCTET STRING"},
      {SF_EDIT_VALIDITY_UNWRAPPED, CERT_ALONE, 0, SF_CMS_BAD_VALIDITY, "validity times unwrapped"},
      {SF_EDIT_VALIDITY_THREE_TIMES, CERT_ALONE, 0, SF_CMS_BAD_VALIDITY, "validity of three times"},
      {SF_EDIT_VALIDITY_THREE_TIMES, MESSAGE, 0, SF_CMS_BAD_VALIDITY, "validity of three times"},
      {SF_EDIT_CERT_VERSION_V1, CERT_ALONE, 0, SF_CMS_BAD_VERSION, "version v1 encoded"},
      {SF_EDIT_CERT_VERSION_V1, MESSAGE, 0, SF_CMS_BAD_VERSION, "version v1 encoded"},
      {SF_EDIT_CERT_VERSION_V1, MESSAGE, SF_DER_ALLOW_ENCODED_DEFAULT, SF_CMS_OK,
       "version v1 encoded, encoded DEFAULTs allowed"},
      {SF_EDIT_CERT_VERSION_V1, MESSAGE, SF_CMS_ALLOW_BER & ~SF_DER_ALLOW_ENCODED_DEFAULT,
       SF_CMS_BAD_VERSION, "version v1 encoded, the other BER leniencies allowed"},
      {SF_EDIT_CERT_V1_UNIQUE_ID, CERT_ALONE, 0, SF_CMS_BAD_VERSION, "v1 with an issuerUniqueID"},
      {SF_EDIT_CERT_V1_UNIQUE_ID, MESSAGE, SF_CMS_ALLOW_BER, SF_CMS_BAD_VERSION,
       "v1 with an issuerUniqueID, BER allowed"},
      {SF_EDIT_CERT_V2_EXTENSIONS, CERT_ALONE, 0, SF_CMS_BAD_VERSION, "v2 with extensions"},
      {SF_EDIT_CERT_V2_EXTENSIONS, MESSAGE, SF_CMS_ALLOW_BER, SF_CMS_BAD_VERSION,
       "v2 with extensions, BER allowed"},
      {SF_EDIT_EXTS_SET, CERT_ALONE, 0, SF_CMS_BAD_EXTENSION, "extensions a SET"},
      {SF_EDIT_EXTS_EMPTY, CERT_ALONE, 0, SF_CMS_BAD_EXTENSION, "extensions empty"},
      {SF_EDIT_EXT_BARE_OID, CERT_ALONE, 0, SF_CMS_BAD_EXTENSION, "extension an OID alone"},
      {SF_EDIT_EXT_NO_OID, CERT_ALONE, 0, SF_CMS_BAD_EXTENSION, "extension without its OID"},
      {SF_EDIT_EXT_CRITICAL_FALSE, CERT_ALONE, 0, SF_CMS_BAD_EXTENSION, "critical FALSE encoded"},
      {SF_EDIT_EXT_CRITICAL_FALSE, MESSAGE, 0, SF_CMS_BAD_EXTENSION, "critical FALSE encoded"},
      {SF_EDIT_EXT_CRITICAL_FALSE, MESSAGE, SF_DER_ALLOW_ENCODED_DEFAULT, SF_CMS_OK,
       "critical FALSE encoded, encoded DEFAULTs allowed"},
      {SF_EDIT_EXT_CRITICAL_FALSE, MESSAGE, SF_CMS_ALLOW_BER, SF_CMS_OK,
       "critical FALSE encoded, BER allowed"},
      {SF_EDIT_EXT_CRITICAL_FALSE, MESSAGE, SF_CMS_ALLOW_BER & ~SF_DER_ALLOW_ENCODED_DEFAULT,
       SF_CMS_BAD_EXTENSION, "critical FALSE encoded, the other BER leniencies allowed"},
      {SF_EDIT_EXT_CRITICAL_TRUE, CERT_ALONE, 0, SF_CMS_OK, "critical TRUE"},
      {SF_EDIT_EXT_VALUE_NOT_OCTETS, CERT_ALONE, 0, SF_CMS_BAD_EXTENSION,
       "extnValue not an OCTET STRING"},
      {SF_EDIT_EXT_EXTRA, CERT_ALONE, 0, SF_CMS_BAD_EXTENSION,
       "extension with an element after extnValue"},
      {SF_EDIT_BC_NOT_SEQUENCE, CERT_ALONE, 0, SF_CMS_BAD_BASIC_CONSTRAINTS,
       "basicConstraints a BOOLEAN alone"},
      {SF_EDIT_BC_CA_FALSE, CERT_ALONE, 0, SF_CMS_BAD_BASIC_CONSTRAINTS, "cA FALSE encoded"},
      {SF_EDIT_BC_CA_FALSE, MESSAGE, 0, SF_CMS_BAD_BASIC_CONSTRAINTS, "cA FALSE encoded"},
      {SF_EDIT_BC_CA_FALSE, MESSAGE, SF_CMS_ALLOW_BER, SF_CMS_OK, "cA FALSE encoded, BER allowed"},
      {SF_EDIT_BC_CA_FALSE, MESSAGE, SF_CMS_ALLOW_BER & ~SF_DER_ALLOW_ENCODED_DEFAULT,
       SF_CMS_BAD_BASIC_CONSTRAINTS, "cA FALSE encoded, the other BER leniencies allowed"},
      {SF_EDIT_BC_INTEGER_FIRST, CERT_ALONE, 0, SF_CMS_BAD_BASIC_CONSTRAINTS,
       "basicConstraints { INTEGER, BOOLEAN }"},
      {SF_EDIT_BC_INTEGER_FIRST, MESSAGE, 0, SF_CMS_BAD_BASIC_CONSTRAINTS,
       "basicConstraints { INTEGER, BOOLEAN }"},
      {SF_EDIT_BC_CA_PATH_LEN, CERT_ALONE, 0, SF_CMS_OK, "basicConstraints { TRUE, 3 }"},
      {SF_EDIT_SKI_BIT_STRING, CERT_ALONE, 0, SF_CMS_BAD_KEY_IDENTIFIER,
       "subjectKeyIdentifier a BIT STRING"},
      {SF_EDIT_SKI_BIT_STRING, MESSAGE, 0, SF_CMS_BAD_KEY_IDENTIFIER,
       "subjectKeyIdentifier a BIT STRING"},
      {SF_EDIT_EKU_BARE_OID, CERT_ALONE, 0, SF_CMS_BAD_EXT_KEY_USAGE,
       "extendedKeyUsage an OID alone"},
      {SF_EDIT_EKU_EMPTY, CERT_ALONE, 0, SF_CMS_BAD_EXT_KEY_USAGE, "extendedKeyUsage empty"},
      {SF_EDIT_EKU_STRING, CERT_ALONE, 0, SF_CMS_BAD_EXT_KEY_USAGE,
       "extendedKeyUsage { OID, UTF8String }"},
      {SF_EDIT_EKU_STRING, MESSAGE, 0, SF_CMS_BAD_EXT_KEY_USAGE,
       "extendedKeyUsage { OID, UTF8String }"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    sf_error err;
    size_t want_offset = 0;
    int rc = parse_edited(rows[i].edit, rows[i].entry, rows[i].flags, &err, &want_offset);
    if (rows[i].code == SF_CMS_OK) want_offset = 0; /* an accepted edit's mark is no fault */
    sf_test_checks++;
    if (rc != rows[i].code || err.code != rc || err.offset != want_offset ||
        strcmp(err.reason, sf_cms_status_reason(rows[i].code)) != 0) {
      sf_test_failures++;
      fprintf(stderr, "[edited_shapes] %s (%s): got %s at %zu, want %s at %zu\n", rows[i].what,
              rows[i].entry == MESSAGE ? "message" : "certificate alone",
              sf_cms_status_name(rc), err.offset, sf_cms_status_name(rows[i].code), want_offset);
    }
  }
}

static void test_edited_shapes_accepted(void) {
  /* What the accepted edges of test_edited_shapes decode to. */
  sf_error err;
  size_t at;
  CHECK_INT(parse_edited(SF_EDIT_ATTR_NO_VALUES, MESSAGE, 0, &err, &at), SF_CMS_OK);
  const sf_cms_signer *s = &result.signed_data.signers[0];
  CHECK_INT(s->signed_attrs.count, 3);
  CHECK_INT(s->signed_attrs.items[2].value_count, 0);
  CHECK_INT(s->signed_attrs.items[2].values.len, 0);
  CHECK_INT(parse_edited(SF_EDIT_SIGNING_TIME_GENERALIZED_1949, MESSAGE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(s->has_signing_time, 1);
  CHECK_INT(s->signing_time.generalized, 1);
  CHECK_INT(s->signing_time.year, 1949);
  CHECK_INT(parse_edited(SF_EDIT_SIGNING_TIME_GENERALIZED_2050, MESSAGE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(s->signing_time.year, 2050);
  /* An encoded DEFAULT is a BER tolerance of its own, reported. */
  CHECK_INT(parse_edited(SF_EDIT_EXT_CRITICAL_FALSE, MESSAGE, SF_CMS_ALLOW_BER, &err, &at),
            SF_CMS_OK);
  CHECK_INT(result.warnings, SF_DER_W_ENCODED_DEFAULT);
  CHECK_INT(result.signed_data.certs.items[0].extension_count, 1);
  CHECK_INT(parse_edited(SF_EDIT_BC_CA_FALSE, CERT_ALONE, SF_DER_ALLOW_ENCODED_DEFAULT, &err, &at),
            SF_CMS_OK);
  CHECK_INT(cert_result.has_basic_constraints, 1);
  CHECK_INT(cert_result.is_ca, 0);
  CHECK_INT(parse_edited(SF_EDIT_BC_CA_FALSE, MESSAGE, SF_CMS_ALLOW_BER, &err, &at), SF_CMS_OK);
  CHECK_INT(result.warnings, SF_DER_W_ENCODED_DEFAULT);
  /* RFC 5280 4.1.2.1: what each version may carry, accepted strictly. */
  CHECK_INT(parse_edited(SF_EDIT_CERT_V1_PLAIN, CERT_ALONE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(cert_result.version, 0);
  CHECK_INT(parse_edited(SF_EDIT_CERT_V1_PLAIN, MESSAGE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(result.warnings, 0);
  CHECK_INT(parse_edited(SF_EDIT_CERT_V2_UNIQUE_ID, CERT_ALONE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(cert_result.version, 1);
  CHECK_INT(parse_edited(SF_EDIT_CERT_V3_ALL_FIELDS, CERT_ALONE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(cert_result.version, 2);
  CHECK_INT(cert_result.extension_count, 1);
  CHECK_INT(cert_result.key_id.len, 20);
  CHECK_INT(parse_edited(SF_EDIT_CERT_V3_ALL_FIELDS, MESSAGE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(parse_edited(SF_EDIT_CERT_VERSION_V1, CERT_ALONE, SF_DER_ALLOW_ENCODED_DEFAULT, &err,
                         &at),
            SF_CMS_OK);
  CHECK_INT(cert_result.version, 0);
  CHECK_INT(parse_edited(SF_EDIT_CERT_VERSION_V1, MESSAGE, SF_CMS_ALLOW_BER, &err, &at), SF_CMS_OK);
  CHECK_INT(result.warnings, SF_DER_W_ENCODED_DEFAULT);
  CHECK_INT(result.signed_data.certs.items[0].version, 0);
  CHECK_INT(parse_edited(SF_EDIT_EXT_CRITICAL_TRUE, MESSAGE, SF_CMS_ALLOW_BER, &err, &at),
            SF_CMS_OK);
  CHECK_INT(result.warnings, 0);
  CHECK_INT(parse_edited(SF_EDIT_EXT_CRITICAL_TRUE, CERT_ALONE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(cert_result.extension_count, 1);
  CHECK_INT(parse_edited(SF_EDIT_BC_CA_PATH_LEN, CERT_ALONE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(cert_result.has_basic_constraints, 1);
  CHECK_INT(cert_result.is_ca, 1);
  CHECK_INT(cert_result.has_path_len, 1);
  CHECK_INT(cert_result.path_len, 3);
  /* With no edit the shapes are valid, the certificate alone too. */
  CHECK_INT(parse_edited(SF_EDIT_NONE, MESSAGE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(parse_edited(SF_EDIT_NONE, CERT_ALONE, 0, &err, &at), SF_CMS_OK);
  CHECK_INT(cert_result.extension_count, 0);
}

/* contains returns 1 if |s| holds the |n| bytes |want| somewhere. */
static int contains(sf_slice s, const uint8_t *want, size_t n) {
  for (size_t i = 0; s.ptr != NULL && i + n <= s.len; i++)
    if (memcmp(s.ptr + i, want, n) == 0) return 1;
  return 0;
}

/* fluffy's serial 01:95:00:71:02:33:00:58 as an encoded INTEGER. */
static const uint8_t fluffy_serial[] = {0x02, 0x08, 0x01, 0x95, 0x00, 0x71, 0x02, 0x33, 0x00, 0x58};

static void test_streamed_encrypted_content(void) {
  /* openssl cms -encrypt -stream: encryptedContent [0] constructed, of
   * indefinite length, in two primitive segments (openssl asn1parse shows
   * 64 and 16 octets). AES-128-CBC pads the content to the next multiple of
   * the 16-octet block, so the joined length follows from the plaintext's:
   * blob1-signed-content.bin, which the seed encrypts. */
  sf_error err;
  CHECK_INT(parse_file(SEED("4ace748fe7b119fb8bc7b773c339cc3ad330b9dc"), 0, &err),
            SF_CMS_INDEFINITE_LENGTH);
  CHECK_INT(err.offset, 1);
  size_t plain_len = 0;
  uint8_t *plain =
      sf_read_file(sf_source_path("tests/data/draft/cms/blob1-signed-content.bin"), &plain_len);
  free(plain);
  CHECK_INT(parse_file(SEED("4ace748fe7b119fb8bc7b773c339cc3ad330b9dc"), SF_CMS_ALLOW_BER, &err),
            SF_CMS_OK);
  CHECK_INT(result.warnings, SF_DER_W_INDEFINITE | SF_DER_W_CONSTRUCTED_STRING);
  const sf_cms_enveloped_data *ed = &result.enveloped_data;
  CHECK_INT(ed->has_encrypted_content, 1);
  CHECK_INT(ed->encrypted_content.constructed, 1);
  CHECK_INT(ed->encrypted_content.segments, 2);
  CHECK_INT(ed->encrypted_content.length, (plain_len / 16 + 1) * 16);
  CHECK_INT(ed->encrypted_content.length, 80);
  CHECK_INT(ed->iv.len, 16);
  uint8_t joined[128];
  size_t joined_len = 0;
  CHECK_INT(sf_der_string_copy(&ed->encrypted_content, joined, sizeof joined, &joined_len),
            SF_DER_OK);
  CHECK_INT(joined_len, 80);
  /* The first segment (04 40, 64 octets) starts the joined value. */
  CHECK_INT(ed->encrypted_content.contents.ptr[0], 0x04);
  CHECK_INT(ed->encrypted_content.contents.ptr[1], 64);
  CHECK(memcmp(ed->encrypted_content.contents.ptr + 2, joined, 64) == 0);
}

static void test_crls_kept_raw(void) {
  /* openssl crl2pkcs7: a certs-only SignedData (no signers, no digest
   * algorithms) with fluffy's certificate and a CRL of the draft's CA that
   * revokes it. The CRL is counted and kept as the raw [1] element. */
  sf_error err;
  CHECK_INT(parse_file(SEED("45d9884e1b8b3463e09c10211c730dea9fa12378"), 0, &err), SF_CMS_OK);
  const sf_cms_signed_data *sd = &result.signed_data;
  CHECK_INT(sd->signer_count, 0);
  CHECK_INT(sd->digest_alg_count, 0);
  CHECK_INT(sd->certs.count, 1);
  check_hex(sd->certs.items[0].serial, "0195007102330058");
  CHECK_INT(sd->crl_count, 1);
  CHECK(sf_slice_is_present(sd->crls));
  CHECK_INT(sd->crls.ptr[0], 0xA1); /* [1] IMPLICIT RevocationInfoChoices */
  /* It follows the certificates, and only the empty signerInfos SET
   * (31 00) follows it before SignedData ends. */
  CHECK(sd->crls.ptr == sd->certs.whole.ptr + sd->certs.whole.len);
  CHECK(contains(sd->crls, fluffy_serial, sizeof fluffy_serial)); /* the revoked serial */
  CHECK(sd->crls.ptr + sd->crls.len + 2 == result.content.ptr + result.content.len);
}

static void test_originator_info_and_unprotected_attrs(void) {
  /* No openssl command writes originatorInfo or unprotectedAttrs: build an
   * EnvelopedData with both. originatorInfo holds fluffy's certificate (the
   * DER seed made from fluffy-cert.pem) and a CRL (the one of the certs-only
   * seed); unprotectedAttrs one attribute of a test type. */
  size_t cert_len = 0;
  uint8_t *cert = sf_read_file(sf_source_path(SEED("3cb5da60b50f236b74ad85b0b3c6ca60ce58557b")),
                               &cert_len);
  if (cert == NULL) return;
  sf_error err;
  CHECK_INT(parse_file(SEED("45d9884e1b8b3463e09c10211c730dea9fa12378"), 0, &err), SF_CMS_OK);
  sf_slice crls = result.signed_data.crls;
  sf_dw w;
  sf_dw_init(&w);
  sf_dw_open(&w, 0x30);
  sf_dw_oid(&w, "1.2.840.113549.1.7.3");
  sf_dw_open(&w, 0xA0);
  sf_dw_open(&w, 0x30);
  sf_dw_int(&w, 2); /* RFC 5652 6.1: originatorInfo present */
  unsigned oi_start = sf_dw_mark(&w);
  sf_dw_open(&w, 0xA0);
  sf_dw_open(&w, 0xA0);
  unsigned cert_start = sf_dw_mark(&w);
  sf_dw_raw(&w, cert, cert_len);
  sf_dw_close(&w);
  sf_dw_raw(&w, crls.ptr, crls.len); /* [1] crls, as they were */
  sf_dw_close(&w);
  unsigned oi_end = sf_dw_mark(&w);
  sf_dw_open(&w, 0x31);
  sf_cms_build_ktri(&w, 7);
  sf_dw_close(&w);
  sf_cms_build_encrypted_content_info(&w);
  unsigned attrs_start = sf_dw_mark(&w);
  sf_dw_open(&w, 0xA1);
  sf_dw_open(&w, 0x30);
  sf_dw_oid(&w, "1.3.6.1.4.1.32473.6.1");
  sf_dw_open(&w, 0x31);
  sf_dw_text(&w, 0x0C, "kept"); /* UTF8String */
  sf_dw_close(&w);
  sf_dw_close(&w);
  sf_dw_close(&w);
  unsigned attrs_end = sf_dw_mark(&w);
  sf_dw_close(&w);
  sf_dw_close(&w);
  sf_dw_close(&w);
  free(cert);

  const uint8_t *base = NULL;
  CHECK_INT(parse_built(&w, &err, &base), SF_CMS_OK);
  const sf_cms_enveloped_data *ed = &result.enveloped_data;
  CHECK_INT(ed->version, 2);
  CHECK(ed->originator_info.ptr == base + sf_dw_mark_at(&w, oi_start));
  CHECK_INT(ed->originator_info.len, sf_dw_mark_at(&w, oi_end) - sf_dw_mark_at(&w, oi_start));
  CHECK_INT(ed->originator_certs.count, 1);
  const sf_cms_cert *c = &ed->originator_certs.items[0];
  CHECK(c->whole.ptr == base + sf_dw_mark_at(&w, cert_start));
  CHECK_INT(c->whole.len, cert_len);
  check_hex(c->serial, "0195007102330058");
  CHECK_INT(c->san_count, 3);
  CHECK_SLICE(c->san[0].value, "sip:fluffy@example.com");
  CHECK_INT(ed->recipient_count, 1);
  check_hex(ed->recipients[0].rid.serial, "07");
  CHECK_INT(ed->unprotected_attrs.count, 1);
  CHECK(ed->unprotected_attrs.whole.ptr == base + sf_dw_mark_at(&w, attrs_start));
  CHECK_INT(ed->unprotected_attrs.whole.len,
            sf_dw_mark_at(&w, attrs_end) - sf_dw_mark_at(&w, attrs_start));
  const sf_cms_attr *a = &ed->unprotected_attrs.items[0];
  check_hex(a->type, "2B0601040181FD590601"); /* 1.3.6.1.4.1.32473.6.1 */
  CHECK_INT(a->value_count, 1);
  CHECK_BYTES(a->values, (const uint8_t *)"\x0C\x04kept", 6);
  sf_dw_free(&w);
}

static void test_unsigned_attrs(void) {
  /* A signer with one unsigned attribute of a test type, value INTEGER 0. */
  sf_dw w;
  sf_error err;
  const uint8_t *base = NULL;
  sf_dw_init(&w);
  unsigned attr = sf_cms_build_with(&w, SF_LIST_UNSIGNED_ATTRS, 1, 0);
  CHECK_INT(parse_built(&w, &err, &base), SF_CMS_OK);
  const sf_cms_signer *s = &result.signed_data.signers[0];
  CHECK_INT(s->unsigned_attrs.count, 1);
  /* [1] with a one-octet length, right before the attribute, and the last
   * element of the signer. */
  size_t at = sf_dw_mark_at(&w, attr);
  CHECK(s->unsigned_attrs.whole.ptr == base + at - 2);
  CHECK_INT(s->unsigned_attrs.whole.ptr[0], 0xA1);
  CHECK_INT(s->unsigned_attrs.whole.len, 2 + s->unsigned_attrs.whole.ptr[1]);
  const sf_cms_attr *a = &s->unsigned_attrs.items[0];
  check_hex(a->type, "2B0601040181FD590501"); /* 1.3.6.1.4.1.32473.5.1 */
  CHECK(a->type.ptr == base + at + 4); /* after 30 LL 06 LL */
  CHECK_INT(a->value_count, 1);
  check_hex(a->values, "020100");
  sf_dw_free(&w);
}

static void test_unknown_signed_attrs(void) {
  /* openssl cms -sign -cades -receipt_request_all: besides the four signed
   * attributes we decode, a receiptRequest (RFC 2634 2.7) and a CAdES
   * signingCertificateV2 (RFC 5035), both kept raw: type and encoded value. */
  static const uint8_t receipt_request[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01,
                                            0x09, 0x10, 0x02, 0x01};
  static const uint8_t signing_cert_v2[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01,
                                            0x09, 0x10, 0x02, 0x2F};
  sf_error err;
  CHECK_INT(parse_file(SEED("ede4a6c11de62554d24cd381afc2cc9fe538ed8f"), 0, &err), SF_CMS_OK);
  const sf_cms_signer *s = &result.signed_data.signers[0];
  CHECK_INT(s->signed_attrs.count, 6);
  CHECK_INT(s->message_digest.len, 32);
  CHECK_INT(s->has_signing_time, 1);
  CHECK_INT(s->smime_cap_count, 8);
  const sf_cms_attr *rr =
      sf_cms_find_attr(&s->signed_attrs, receipt_request, sizeof receipt_request);
  CHECK(rr != NULL);
  if (rr != NULL) {
    CHECK_INT(rr->value_count, 1);
    CHECK_INT(rr->values.ptr[0], 0x30); /* ReceiptRequest ::= SEQUENCE */
    /* receiptsTo: what -receipt_request_to gave, which the openssl command
     * writes as an rfc822Name ([1] IA5String, 22 octets). */
    CHECK(contains(rr->values, (const uint8_t *)"\x81\x16sip:fluffy@example.com", 24));
  }
  const sf_cms_attr *sc =
      sf_cms_find_attr(&s->signed_attrs, signing_cert_v2, sizeof signing_cert_v2);
  CHECK(sc != NULL);
  if (sc != NULL) {
    CHECK_INT(sc->value_count, 1);
    CHECK_INT(sc->values.ptr[0], 0x30);
    /* ESSCertIDv2.issuerSerial names the signer certificate: fluffy's. */
    CHECK(contains(sc->values, fluffy_serial, sizeof fluffy_serial));
  }
}

static void test_status_table(void) {
  CHECK(strcmp(sf_cms_status_name(SF_CMS_TRUNCATED), "SF_CMS_TRUNCATED") == 0);
  CHECK(strcmp(sf_cms_status_reason(SF_CMS_TRUNCATED), sf_der_status_reason(SF_DER_TRUNCATED)) == 0);
  CHECK(strcmp(sf_cms_status_name(SF_CMS_STATUS_COUNT), "?") == 0);
  CHECK_INT(SF_CMS_NONMINIMAL_LENGTH, SF_DER_NONMINIMAL_LENGTH);
}

int main(void) {
  RUN(test_blob1);
  RUN(test_blob2);
  RUN(test_blob3);
  RUN(test_blob4);
  RUN(test_certificate_alone);
  RUN(test_bad_inputs);
  RUN(test_warnings);
  RUN(test_every_prefix);
  RUN(test_openssl_made_messages);
  RUN(test_count_limits);
  RUN(test_edited_shapes);
  RUN(test_edited_shapes_accepted);
  RUN(test_streamed_encrypted_content);
  RUN(test_crls_kept_raw);
  RUN(test_originator_info_and_unprotected_attrs);
  RUN(test_unsigned_attrs);
  RUN(test_unknown_signed_attrs);
  RUN(test_status_table);
  return sf_test_finish();
}
