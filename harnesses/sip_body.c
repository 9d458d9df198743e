/* sip_body: a whole SIP message through sf_sip_parse, then, when its
 * Content-Type is multipart, its body through sf_mime_parse.
 *
 * The message is parsed with every SIP tolerance so that as many inputs as
 * possible reach the body (the SIP promises are sip_message's to check).
 * The body is the Content-Length bytes the SIP parser framed, and the
 * Content-Type is the message's own header value (full or compact form,
 * folds included), both slices of the one input buffer; the MIME checks are
 * those of mime_multipart (common/mime_check.h), strict and lenient. */
#include "mime_check.h"
#include "sf/sip.h"

#define SIP_FLAGS (SF_SIP_INTEROP | SF_SIP_ALLOW_EXTRA_SP | SF_SIP_ALLOW_ANGLE_RURI)

static sf_sip_msg msg;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sf_error err;
  if (sf_sip_parse(data, size, SIP_FLAGS, &msg, &err) != SF_SIP_OK) return 0;
  size_t index = 0;
  const sf_sip_header *ct = sf_sip_find(&msg, SF_SIP_H_CONTENT_TYPE, 0, &index);
  if (ct == NULL) return 0;
  sf_content_type type;
  if (sf_content_parse_type(data, ct->value, SF_CONTENT_ALLOW_UNQUOTED_SLASH, &type, &err) !=
          SF_CONTENT_OK ||
      !sf_slice_eq_nocase_lit(type.type, "multipart")) {
    return 0;
  }
  SF_CHECK_WITHIN(msg.body, data, size, "SIP body");
  sf_mime_check(data, size, ct->value, msg.body);
  return 0;
}
