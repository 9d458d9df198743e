/* identity.c: is the signer the sender? RFC 3261 23.3: the certificate
 * used for S/MIME in SIP binds the key to the address of record, which
 * appears in the subjectAltName; the receiver compares it with the From
 * header. The comparison is RFC 3261 19.1.4's (sf_sip_uri_equal). The
 * draft's certificates also carry im: and pres: URIs, which name the same
 * person for other protocols and are not compared with a SIP From. */
#include <stdio.h>
#include <string.h>

#include "report.h"

/* append_uri adds |b| to the list in |out|. */
static void append_uri(char *out, size_t cap, const sf_smime_bytes *b) {
  size_t n = strlen(out);
  if (n + 4 >= cap) return;
  snprintf(out + n, cap - n, "%s%.*s", n > 0 ? ", " : "", (int)b->len, (const char *)b->bytes);
}

void sf_check_identity(sf_check_report *r, size_t sig, size_t signer, const sf_check_loc *at) {
  sf_check_signature *rec = &r->signatures[sig];
  const sf_smime_signer *s = &rec->verdict->signers[signer];
  const sf_sip_header *h = sf_sip_find(&r->msg, SF_SIP_H_FROM, 0, NULL);
  if (!r->has_from || h == NULL) return;
  sf_check_loc from_at = sf_check_loc_sip((size_t)(r->from.uri_text.ptr - r->data));
  const sf_slice fu = r->from.uri_text;
  char uris[SF_CHECK_DETAIL_LEN] = "";
  int compared = 0, scheme_only = 0;
  for (size_t i = 0; i < s->san_uri_count; i++) {
    const sf_smime_bytes *b = &s->san_uris[i];
    append_uri(uris, sizeof uris, b);
    sf_sip_uri u;
    sf_error err;
    if (b->truncated ||
        sf_sip_parse_uri(b->bytes, sf_slice_make(b->bytes, b->len), 0, &u, &err) != SF_SIP_OK ||
        u.scheme == SF_SIP_SCHEME_OTHER) {
      continue;
    }
    compared = 1;
    if (sf_sip_uri_equal(&r->from.uri, &u)) {
      rec->from_match[signer] = 1;
      sf_check_add(r, SF_CHECK_F_SMIME_SAN_MATCH, &from_at, "signer %zu: From %.*s equals %.*s",
                   signer + 1, (int)fu.len, (const char *)fu.ptr, (int)b->len,
                   (const char *)b->bytes);
      return;
    }
    /* Say so when only the scheme differs: 19.1.4 never equates sip and sips. */
    sf_sip_uri flip = u;
    flip.scheme = u.scheme == SF_SIP_SCHEME_SIP ? SF_SIP_SCHEME_SIPS : SF_SIP_SCHEME_SIP;
    if (sf_sip_uri_equal(&r->from.uri, &flip)) scheme_only = 1;
  }
  rec->from_match[signer] = 0;
  if (!compared) {
    sf_check_add(r, SF_CHECK_F_SMIME_NO_SAN_URI, at, "signer %zu (%s): subjectAltName URIs: %s",
                 signer + 1, s->subject, uris[0] ? uris : "none");
    return;
  }
  sf_check_add(r, SF_CHECK_F_SMIME_SAN_MISMATCH, &from_at, "signer %zu: From %.*s; certificate URIs: %s%s",
               signer + 1, (int)fu.len, (const char *)fu.ptr, uris,
               scheme_only ? " (only sip versus sips differs, which RFC 3261 19.1.4 never equates)" : "");
}
