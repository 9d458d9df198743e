/* mime_multipart: a MIME body and its Content-Type through sf_mime_parse.
 *
 * Input: the Content-Type value, a line end (LF; a CR before it is dropped),
 * then the body, byte for byte to the end of the input. With no LF at all,
 * the whole input is the Content-Type and the body is empty. What is
 * asserted is listed in common/mime_check.h. */
#include <string.h>

#include "mime_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *nl = size ? memchr(data, '\n', size) : NULL;
  size_t ct_len = nl ? (size_t)(nl - data) : size;
  size_t body_at = nl ? ct_len + 1 : size;
  if (ct_len > 0 && data[ct_len - 1] == '\r') ct_len--;
  sf_mime_check(data, size, sf_slice_make(data, ct_len),
                sf_slice_make(data + body_at, size - body_at));
  return 0;
}
