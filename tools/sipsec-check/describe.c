/* describe.c: what sipsec-check prints about one message, the same for
 * --json and text (emit.h decides the form). Header fields are described
 * structurally where the SIP parser knows them; MIME parts with their
 * types, encodings, sizes and byte ranges; then signatures, decryptions
 * and findings, all from the report. */
#include <stdlib.h>
#include <string.h>

#include "describe.h"

/* off returns the offset of |s| in |base|. */
static size_t off(const uint8_t *base, sf_slice s) { return (size_t)(s.ptr - base); }

static void emit_slice(sf_check_emit *e, const char *key, sf_slice s) {
  if (sf_slice_is_present(s)) sf_check_emit_bytes(e, key, s.ptr, s.len);
}

/* emit_param writes one parameter as {name, value}: a list of these, not
 * an object, since a name may repeat (";tag=a;tag=b"). A parameter without
 * '=' has no value. */
static void emit_param(sf_check_emit *e, sf_slice name, const uint8_t *value, size_t len,
                       int has_value) {
  sf_check_emit_object(e, NULL);
  sf_check_emit_bytes(e, "name", name.ptr, name.len);
  if (has_value) sf_check_emit_bytes(e, "value", value, len);
  sf_check_emit_end(e);
}

static void emit_params(sf_check_emit *e, const sf_sip_param *ps, size_t n) {
  if (n == 0) return;
  sf_check_emit_list(e, "params");
  for (size_t i = 0; i < n; i++) {
    emit_param(e, ps[i].name, ps[i].value.ptr, ps[i].value.len, sf_slice_is_present(ps[i].value));
  }
  sf_check_emit_end(e);
}

static void emit_uri(sf_check_emit *e, const char *key, sf_slice text, const sf_sip_uri *u) {
  static const char *const schemes[] = {"sip", "sips", "other"};
  sf_check_emit_object(e, key);
  sf_check_emit_bytes(e, "text", text.ptr, text.len);
  sf_check_emit_str(e, "scheme", schemes[u->scheme]);
  if (u->scheme == SF_SIP_SCHEME_OTHER) {
    emit_slice(e, "opaque", u->opaque);
  } else {
    emit_slice(e, "user", u->user);
    emit_slice(e, "host", u->host);
    if (u->has_port) sf_check_emit_uint(e, "port", u->port);
    emit_params(e, u->params, u->param_count);
  }
  sf_check_emit_end(e);
}

/* emit_list_values splits a list header and describes each element with
 * |one|. */
static void emit_list_values(sf_check_emit *e, const uint8_t *base, sf_slice value,
                             void (*one)(sf_check_emit *, const uint8_t *, sf_slice)) {
  sf_slice items[SF_SIP_MAX_VALUES];
  size_t n = 0;
  sf_error err;
  if (sf_sip_split(base, value, items, SF_SIP_MAX_VALUES, &n, &err) != SF_SIP_OK) return;
  sf_check_emit_list(e, "values");
  for (size_t i = 0; i < n; i++) one(e, base, items[i]);
  sf_check_emit_end(e);
}

static void one_addr(sf_check_emit *e, const uint8_t *base, sf_slice v) {
  sf_sip_addr *a = malloc(sizeof *a);
  sf_error err;
  if (a == NULL) return;
  sf_check_emit_object(e, NULL);
  if (sf_sip_parse_addr(base, v, a, &err) == SF_SIP_OK) {
    if (a->is_star) {
      sf_check_emit_bool(e, "star", 1);
    } else {
      emit_slice(e, "display_name", a->display_name);
      emit_uri(e, "uri", a->uri_text, &a->uri);
      emit_params(e, a->params, a->param_count);
    }
  }
  sf_check_emit_end(e);
  free(a);
}

static void one_via(sf_check_emit *e, const uint8_t *base, sf_slice v) {
  sf_sip_via *via = malloc(sizeof *via);
  sf_error err;
  if (via == NULL) return;
  sf_check_emit_object(e, NULL);
  if (sf_sip_parse_via(base, v, via, &err) == SF_SIP_OK) {
    emit_slice(e, "transport", via->transport);
    emit_slice(e, "host", via->host);
    if (via->has_port) sf_check_emit_uint(e, "port", via->port);
    emit_params(e, via->params, via->param_count);
  }
  sf_check_emit_end(e);
  free(via);
}

static void emit_content_type(sf_check_emit *e, const uint8_t *base, sf_slice v) {
  sf_content_type ct;
  sf_error err;
  if (sf_content_parse_type(base, v, SF_CONTENT_ALLOW_UNQUOTED_SLASH, &ct, &err) != SF_CONTENT_OK) {
    return;
  }
  emit_slice(e, "type", ct.type);
  emit_slice(e, "subtype", ct.subtype);
  if (ct.params.count == 0) return;
  sf_check_emit_list(e, "params");
  for (size_t i = 0; i < ct.params.count; i++) {
    const sf_content_param *p = &ct.params.items[i];
    uint8_t text[512];
    size_t len = 0;
    int ok = p->value.len <= sizeof text &&
             sf_content_unquote(p->value, text, sizeof text, &len) == SF_CONTENT_OK;
    emit_param(e, p->name, text, len, ok);
  }
  sf_check_emit_end(e);
}

/* emit_parsed describes the value of a header the SIP parser knows. */
static void emit_parsed(sf_check_emit *e, const uint8_t *base, const sf_sip_header *h) {
  sf_error err;
  switch (h->id) {
    case SF_SIP_H_FROM: case SF_SIP_H_TO: case SF_SIP_H_CONTACT: case SF_SIP_H_ROUTE:
    case SF_SIP_H_RECORD_ROUTE: case SF_SIP_H_REPLY_TO: case SF_SIP_H_REFER_TO:
    case SF_SIP_H_REFERRED_BY:
      emit_list_values(e, base, h->value, one_addr);
      break;
    case SF_SIP_H_VIA:
      emit_list_values(e, base, h->value, one_via);
      break;
    case SF_SIP_H_CSEQ: {
      sf_sip_cseq c;
      if (sf_sip_parse_cseq(base, h->value, &c, &err) != SF_SIP_OK) break;
      sf_check_emit_uint(e, "number", c.number);
      emit_slice(e, "method", c.method);
      break;
    }
    case SF_SIP_H_CONTENT_LENGTH: {
      uint32_t n = 0;
      if (sf_sip_parse_content_length(base, h->value, &n, &err) == SF_SIP_OK) {
        sf_check_emit_uint(e, "number", n);
      }
      break;
    }
    case SF_SIP_H_MAX_FORWARDS: {
      uint8_t n = 0;
      if (sf_sip_parse_max_forwards(base, h->value, &n, &err) == SF_SIP_OK) {
        sf_check_emit_uint(e, "number", n);
      }
      break;
    }
    case SF_SIP_H_DATE: {
      sf_sip_date d;
      if (sf_sip_parse_date(base, h->value, &d, &err) != SF_SIP_OK) break;
      char t[SF_SMIME_TIME_LEN];
      sf_smime_format_time(sf_smime_days_from_civil(d.year, (unsigned)d.month, (unsigned)d.day) *
                                   86400 +
                               d.hour * 3600 + d.minute * 60 + d.second,
                           t);
      sf_check_emit_str(e, "time", t);
      break;
    }
    case SF_SIP_H_CONTENT_TYPE:
      emit_content_type(e, base, h->value);
      break;
    case SF_SIP_H_IDENTITY: {
      sf_slice b64;
      unsigned warnings = 0;
      if (sf_sip_parse_identity(base, h->value, SF_SIP_ALLOW_UNQUOTED_IDENTITY, &b64, &warnings,
                                &err) == SF_SIP_OK) {
        sf_check_emit_uint(e, "signature_base64_length", b64.len);
      }
      sf_check_emit_bool(e, "verified", 0);
      break;
    }
    default:
      break;
  }
}

static void describe_sip(sf_check_emit *e, const sf_check_report *r) {
  const sf_sip_msg *m = &r->msg;
  sf_check_emit_object(e, "sip");
  sf_check_emit_str(e, "status", r->sip_status == SF_SIP_OK ? "parsed" : sf_sip_status_name(r->sip_status));
  if (r->sip_status != SF_SIP_OK) {
    sf_check_emit_uint(e, "error_offset", r->sip_err.offset);
    sf_check_emit_str(e, "error", r->sip_err.reason);
    sf_check_emit_end(e);
    return;
  }
  sf_check_emit_object(e, "start_line");
  size_t line_end = m->start_offset;
  while (line_end < r->len && r->data[line_end] != '\r' && r->data[line_end] != '\n') line_end++;
  if (m->is_request) {
    sf_check_emit_str(e, "kind", "request");
    emit_slice(e, "method", m->method);
    emit_uri(e, "request_uri", m->request_uri, &m->uri);
    emit_slice(e, "version", m->version);
  } else {
    sf_check_emit_str(e, "kind", "response");
    emit_slice(e, "version", m->version);
    sf_check_emit_uint(e, "status_code", m->status_code);
    emit_slice(e, "reason", m->reason);
  }
  sf_check_emit_range(e, "range", m->start_offset, line_end - m->start_offset);
  sf_check_emit_end(e);
  sf_check_emit_list(e, "headers");
  for (size_t i = 0; i < m->header_count; i++) {
    const sf_sip_header *h = &m->headers[i];
    sf_check_emit_object(e, NULL);
    emit_slice(e, "name", h->name);
    if (h->id != SF_SIP_H_OTHER) sf_check_emit_str(e, "known_as", sf_sip_header_name(h->id));
    sf_check_emit_range(e, "range", off(r->data, h->name), off(r->data, h->value) + h->value.len - off(r->data, h->name));
    emit_slice(e, "value", h->value);
    emit_parsed(e, r->data, h);
    sf_check_emit_end(e);
  }
  sf_check_emit_end(e);
  sf_check_emit_range(e, "body", m->body_offset, m->body.len);
  if (m->trailing.len > 0) sf_check_emit_range(e, "trailing", off(r->data, m->trailing), m->trailing.len);
  sf_check_emit_end(e);
}

static const char *const encoding_names[] = {"7bit", "8bit", "binary", "base64",
                                             "quoted-printable", "other"};

/* emit_text shows the decoded text of a leaf of type text, up to a limit. */
static void emit_text(sf_check_emit *e, const sf_check_entity *en, const sf_mime_part *p) {
  enum { SHOWN = 1024 };
  if (p->is_multipart || !sf_slice_is_present(p->body)) return;
  if (sf_slice_is_present(p->type) && !sf_slice_eq_nocase_lit(p->type, "text")) return;
  if (p->encoding == SF_MIME_ENC_OTHER) return;
  /* The text as sent: 8-bit octets under a 7bit label (or none) are shown
   * too, as sf_check_decode_part takes them (sf_mime_decode would refuse
   * them as 7bit, RFC 2045 2.7). */
  int enc = p->encoding == SF_MIME_ENC_7BIT ? SF_MIME_ENC_8BIT : p->encoding;
  size_t cap = sf_mime_decoded_bound(enc, p->body.len), len = 0;
  uint8_t *buf = malloc(cap > 0 ? cap : 1);
  sf_error err;
  if (buf != NULL && sf_mime_decode(en->data, enc, p->body, SF_MIME_ALLOW_LF, buf, cap,
                                    &len, &err) == SF_MIME_OK) {
    sf_check_emit_bytes(e, "text", buf, len < SHOWN ? len : SHOWN);
    if (len > SHOWN) sf_check_emit_bool(e, "text_truncated", 1);
  }
  free(buf);
}

static void describe_part(sf_check_emit *e, const sf_check_report *r, int ei, size_t i) {
  const sf_check_entity *en = &r->entities[ei];
  const sf_mime_part *p = &en->tree->parts[i];
  char path[SF_CHECK_PATH_LEN];
  sf_check_part_path(r, ei, i, path, sizeof path);
  sf_check_emit_object(e, NULL);
  sf_check_emit_str(e, "path", path);
  if (sf_slice_is_present(p->type)) {
    char type[160];
    snprintf(type, sizeof type, "%.*s/%.*s", (int)p->type.len, (const char *)p->type.ptr,
             (int)p->subtype.len, (const char *)p->subtype.ptr);
    sf_check_emit_str(e, "type", type);
  } else {
    sf_check_emit_str(e, "type", "text/plain (default)");
  }
  sf_check_emit_str(e, "encoding", encoding_names[p->encoding]);
  if (p->encoding == SF_MIME_ENC_OTHER) emit_slice(e, "encoding_text", p->encoding_text);
  sf_check_emit_range(e, "whole", off(en->data, p->whole), p->whole.len);
  if (p->header_block.len > 0) {
    sf_check_emit_range(e, "headers", off(en->data, p->header_block), p->header_block.len);
  }
  if (sf_slice_is_present(p->body)) sf_check_emit_range(e, "body", off(en->data, p->body), p->body.len);
  if (sf_slice_is_present(p->disposition_type)) emit_slice(e, "disposition", p->disposition_type);
  if (p->is_multipart) {
    emit_slice(e, "boundary", p->boundary);
    if (sf_slice_is_present(p->preamble)) sf_check_emit_range(e, "preamble", off(en->data, p->preamble), p->preamble.len);
    if (sf_slice_is_present(p->epilogue)) sf_check_emit_range(e, "epilogue", off(en->data, p->epilogue), p->epilogue.len);
    sf_check_emit_uint(e, "children", p->child_count);
  }
  if (p->is_signed) {
    emit_slice(e, "protocol", p->protocol);
    emit_slice(e, "micalg", p->micalg);
    sf_check_emit_range(e, "signed", off(en->data, p->signed_content), p->signed_content.len);
  }
  emit_text(e, en, p);
  sf_check_emit_end(e);
}

static void describe_entities(sf_check_emit *e, const sf_check_report *r) {
  sf_check_emit_list(e, "entities");
  for (size_t k = 0; k < r->entity_count; k++) {
    const sf_check_entity *en = &r->entities[k];
    static const char *const kinds[] = {"sip body", "decrypted", "encapsulated"};
    sf_check_emit_object(e, NULL);
    sf_check_emit_str(e, "path", en->path);
    sf_check_emit_str(e, "source", kinds[en->kind]);
    if (en->kind == SF_CHECK_ENTITY_SIP_BODY) {
      sf_check_emit_range(e, "range", r->msg.body_offset, r->msg.body.len);
    } else {
      sf_check_emit_uint(e, "origin", en->origin);
      sf_check_emit_uint(e, "size", en->len);
      sf_check_emit_str(e, "offsets", "relative to this entity");
    }
    sf_check_emit_bool(e, "parsed", en->parsed);
    if (en->parsed) {
      sf_check_emit_list(e, "parts");
      for (size_t i = 0; i < en->tree->part_count; i++) describe_part(e, r, (int)k, i);
      sf_check_emit_end(e);
    }
    sf_check_emit_end(e);
  }
  sf_check_emit_end(e);
}

static void emit_time(sf_check_emit *e, const char *key, int64_t t) {
  char text[SF_SMIME_TIME_LEN];
  sf_smime_format_time(t, text);
  sf_check_emit_str(e, key, text);
}

static void describe_signer(sf_check_emit *e, const sf_check_signature *sig, size_t i) {
  const sf_smime_signer *s = &sig->verdict->signers[i];
  sf_check_emit_object(e, NULL);
  sf_check_emit_str(e, "signature", sf_smime_sig_name(s->signature) + strlen("SF_SMIME_SIG_"));
  if (s->signature_detail[0]) sf_check_emit_str(e, "detail", s->signature_detail);
  sf_check_emit_str(e, "digest", s->digest);
  if (s->has_signing_time) emit_time(e, "signing_time", s->signing_time);
  if (s->has_cert) {
    sf_check_emit_object(e, "certificate");
    sf_check_emit_str(e, "subject", s->subject);
    sf_check_emit_str(e, "issuer", s->issuer);
    emit_time(e, "not_before", s->not_before);
    emit_time(e, "not_after", s->not_after);
    sf_check_emit_list(e, "problems");
    for (int b = 0; b < SF_SMIME_CERT_COUNT; b++) {
      if (s->cert_problems & (1u << b)) sf_check_emit_str(e, NULL, sf_smime_cert_name(b) + strlen("SF_SMIME_CERT_"));
    }
    sf_check_emit_end(e);
    if (s->cert_problems) sf_check_emit_str(e, "detail", s->cert_detail);
    sf_check_emit_list(e, "san_uris");
    for (size_t k = 0; k < s->san_uri_count; k++) {
      sf_check_emit_bytes(e, NULL, s->san_uris[k].bytes, s->san_uris[k].len);
    }
    sf_check_emit_end(e);
    sf_check_emit_end(e);
  }
  if (sig->from_match[i] >= 0) sf_check_emit_bool(e, "from_matches_san", sig->from_match[i]);
  sf_check_emit_end(e);
}

static void describe_signatures(sf_check_emit *e, const sf_check_report *r) {
  sf_check_emit_list(e, "signatures");
  for (size_t k = 0; k < r->signature_count; k++) {
    const sf_check_signature *sig = &r->signatures[k];
    const sf_smime_verdict *v = sig->verdict;
    char path[SF_CHECK_PATH_LEN];
    sf_check_part_path(r, sig->entity, sig->part, path, sizeof path);
    sf_check_emit_object(e, NULL);
    sf_check_emit_str(e, "part", path);
    sf_check_emit_str(e, "kind", sig->opaque ? "opaque (application/pkcs7-mime)" : "detached (multipart/signed)");
    sf_check_emit_str(e, "status", sf_smime_status_name(v->status));
    if (v->detail[0]) sf_check_emit_str(e, "detail", v->detail);
    sf_check_emit_bool(e, "valid", sf_smime_verdict_valid(v));
    emit_time(e, "verified_at", v->at);
    sf_check_emit_bool(e, "trust_checked", v->trust_checked);
    if (sig->canonicalised) sf_check_emit_bool(e, "canonicalised", 1);
    sf_check_emit_list(e, "signers");
    for (size_t i = 0; i < v->signer_count; i++) describe_signer(e, sig, i);
    sf_check_emit_end(e);
    sf_check_emit_end(e);
  }
  sf_check_emit_end(e);
}

static void describe_decryptions(sf_check_emit *e, const sf_check_report *r) {
  sf_check_emit_list(e, "decryptions");
  for (size_t k = 0; k < r->decryption_count; k++) {
    const sf_check_decryption *d = &r->decryptions[k];
    char path[SF_CHECK_PATH_LEN];
    sf_check_part_path(r, d->entity, d->part, path, sizeof path);
    sf_check_emit_object(e, NULL);
    sf_check_emit_str(e, "part", path);
    sf_check_emit_str(e, "status", sf_smime_status_name(d->result.status));
    if (d->result.detail[0]) sf_check_emit_str(e, "detail", d->result.detail);
    if (d->cipher[0]) sf_check_emit_str(e, "cipher", d->cipher);
    if (d->inner >= 0) sf_check_emit_str(e, "content", r->entities[d->inner].path);
    sf_check_emit_end(e);
  }
  sf_check_emit_end(e);
}

static void describe_findings(sf_check_emit *e, const sf_check_report *r) {
  sf_check_emit_list(e, "findings");
  for (size_t k = 0; k < r->finding_count; k++) {
    const sf_check_finding *f = &r->findings[k];
    sf_check_emit_object(e, NULL);
    sf_check_emit_str(e, "id", sf_check_finding_key(f->id));
    sf_check_emit_str(e, "severity", sf_check_severity_name(sf_check_finding_severity(f->id)));
    sf_check_emit_uint(e, "offset", f->offset);
    sf_check_emit_str(e, "where", f->where);
    if (f->has_inner) {
      sf_check_emit_uint(e, "inner_offset", f->inner_offset);
      sf_check_emit_str(e, "inner_of", f->inner_of);
    }
    sf_check_emit_str(e, "message", sf_check_finding_sentence(f->id));
    if (f->detail[0]) sf_check_emit_str(e, "detail", f->detail);
    sf_check_emit_end(e);
  }
  sf_check_emit_end(e);
}

void sf_check_describe(sf_check_emit *e, const sf_check_report *r, const char *name,
                       int exit_status, int quiet) {
  sf_check_emit_object(e, NULL);
  sf_check_emit_str(e, "file", name);
  sf_check_emit_uint(e, "size", r->len);
  if (!quiet) {
    describe_sip(e, r);
    describe_entities(e, r);
    describe_signatures(e, r);
    describe_decryptions(e, r);
  }
  describe_findings(e, r);
  sf_check_emit_object(e, "summary");
  sf_check_emit_uint(e, "errors", sf_check_count(r, SF_CHECK_ERROR));
  sf_check_emit_uint(e, "warnings", sf_check_count(r, SF_CHECK_WARNING));
  sf_check_emit_uint(e, "infos", sf_check_count(r, SF_CHECK_INFO));
  if (r->dropped > 0) sf_check_emit_uint(e, "dropped", r->dropped);
  sf_check_emit_int(e, "exit", exit_status);
  sf_check_emit_end(e);
  sf_check_emit_end(e);
}
