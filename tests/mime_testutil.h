/* mime_testutil.h: helpers the MIME tests share. */
#ifndef SF_MIME_TESTUTIL_H
#define SF_MIME_TESTUTIL_H

#include <string.h>

#include "sf/mime.h"
#include "testlib.h"

/* The tree is large; tests share one. */
extern sf_mime_tree mt_tree;

/* mt_case is one parse in the form the mime_multipart harness reads: the
 * Content-Type value, a line end, the body, placed in one guarded buffer. */
typedef struct mt_case {
  const uint8_t *buf; /* guarded: the last byte sits before an unreadable page */
  size_t len;
  sf_slice ct, body;
  size_t body_at; /* offset of the body in |buf| */
  sf_error err;
  int rc;
} mt_case;

/* mt_parse builds "ct\nbody" (body of |body_len| bytes), parses it with
 * |flags| into mt_tree and returns the status. */
int mt_parse(mt_case *m, const char *ct, const void *body, size_t body_len, unsigned flags);
int mt_parse_str(mt_case *m, const char *ct, const char *body, unsigned flags);

/* mt_body_offset gives the error offset relative to the body start. */
static inline long mt_body_offset(const mt_case *m) {
  return (long)m->err.offset - (long)m->body_at;
}

/* mt_check_error checks the code, the reason taken from the table, and the
 * offset (relative to the body when |in_body|, else to the Content-Type). */
#define MT_CHECK_ERROR(m, code, in_body, off)                                    \
  do {                                                                          \
    CHECK_INT((m)->rc, (code));                                                 \
    CHECK_INT((m)->err.code, (code));                                           \
    CHECK((m)->err.reason == sf_mime_status_reason(code));                      \
    CHECK_INT((in_body) ? mt_body_offset(m) : (long)(m)->err.offset, (off));    \
  } while (0)

#endif /* SF_MIME_TESTUTIL_H */
