/* boundary.c: the boundary parameter of a multipart Content-Type
 * (RFC 2046 5.1.1).
 *
 *   boundary      := 0*69<bchars> bcharsnospace
 *   bchars        := bcharsnospace / " "
 *   bcharsnospace := DIGIT / ALPHA / "'" / "(" / ")" / "+" / "_" / "," / "-"
 *                    / "." / "/" / ":" / "=" / "?"
 *
 * The boundary is 1 to 70 of those, not ending in a space. Inside a quoted
 * value a quoted-pair ("\x") or a folded line is refused as a bad character
 * rather than resolved: no bchar needs escaping, nobody sends it, and
 * readers disagree on it, so it could only serve to make two readers split
 * the same body differently. The boundary is then a plain slice of the
 * input, quotes excluded. */
#include "mime_internal.h"

int sf_mimei_take_boundary(sf_mimei_ctx *c, size_t index, const sf_content_type *ct) {
  sf_mime_part *p = &c->out->parts[index];
  const sf_content_param *param = NULL;
  int rc = sf_mimei_unique_param(c, ct, "boundary", &param);
  if (rc != SF_MIME_OK) return rc;
  if (param == NULL) {
    return sf_mimei_fail(c, SF_MIME_MISSING_BOUNDARY, sf_mimei_off(c, p->content_type.ptr));
  }
  sf_slice text = param->value;
  if (param->quoted) text = sf_slice_make(text.ptr + 1, text.len - 2); /* drop the quotes */
  size_t at = sf_mimei_off(c, text.ptr);
  if (text.len == 0) return sf_mimei_fail(c, SF_MIME_EMPTY_BOUNDARY, at);
  if (text.len > SF_MIME_MAX_BOUNDARY) {
    return sf_mimei_fail(c, SF_MIME_BOUNDARY_TOO_LONG, at + SF_MIME_MAX_BOUNDARY);
  }
  for (size_t i = 0; i < text.len; i++) {
    if (!sf_char_is(text.ptr[i], SF_C_BCHAR)) {
      return sf_mimei_fail(c, SF_MIME_BAD_BOUNDARY_CHAR, at + i);
    }
  }
  if (text.ptr[text.len - 1] == ' ') {
    return sf_mimei_fail(c, SF_MIME_BOUNDARY_ENDS_IN_SPACE, at + text.len - 1);
  }
  p->boundary_param = param->value;
  p->boundary = text;
  return SF_MIME_OK;
}
