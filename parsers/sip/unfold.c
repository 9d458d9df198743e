/* unfold.c: removes the line breaks of folded header values (RFC 3261
 * 7.3.1: a folded line is equivalent to one line with the white space kept;
 * a recipient may replace the whole LWS by one SP, we keep it as written so
 * that quoted-strings keep their exact content). */
#include "sip_internal.h"

int sf_sip_unfold(sf_slice value, uint8_t *out, size_t cap, size_t *out_len) {
  sip_writer w = {out, cap, 0, 0};
  size_t i = 0;
  while (i < value.len) {
    /* Copy up to the next line break in one piece. */
    size_t run = i;
    while (run < value.len && value.ptr[run] != '\r' && value.ptr[run] != '\n') run++;
    if (run > i) sip_put(&w, value.ptr + i, run - i);
    i = run;
    if (i == value.len) break;
    /* A fold is CRLF or LF followed by SP or HT; any other break (never
     * inside a value sf_sip_parse returns) is copied unchanged. */
    size_t brk = value.ptr[i] == '\r' && i + 1 < value.len && value.ptr[i + 1] == '\n' ? 2 : 1;
    if (value.ptr[i + brk - 1] == '\n' && i + brk < value.len &&
        (value.ptr[i + brk] == ' ' || value.ptr[i + brk] == '\t')) {
      i += brk;
    } else {
      sip_put(&w, value.ptr + i, 1);
      i++;
    }
  }
  if (w.full) return SF_SIP_BUFFER_TOO_SMALL;
  *out_len = w.len;
  return SF_SIP_OK;
}
