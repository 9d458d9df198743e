/* mime_testutil.c: see mime_testutil.h. */
#include "mime_testutil.h"

#include <stdlib.h>

sf_mime_tree mt_tree;

int mt_parse(mt_case *m, const char *ct, const void *body, size_t body_len, unsigned flags) {
  size_t ct_len = strlen(ct);
  size_t len = ct_len + 1 + body_len;
  uint8_t *tmp = malloc(len ? len : 1);
  if (tmp == NULL) abort();
  memcpy(tmp, ct, ct_len);
  tmp[ct_len] = '\n';
  if (body_len) memcpy(tmp + ct_len + 1, body, body_len);
  m->buf = sf_guard(tmp, len);
  free(tmp);
  m->len = len;
  m->body_at = ct_len + 1;
  m->ct = sf_slice_make(m->buf, ct_len);
  m->body = sf_slice_make(m->buf + m->body_at, body_len);
  memset(&m->err, 0, sizeof m->err);
  m->rc = sf_mime_parse(m->buf, m->ct, m->body, flags, &mt_tree, &m->err);
  return m->rc;
}

int mt_parse_str(mt_case *m, const char *ct, const char *body, unsigned flags) {
  return mt_parse(m, ct, body, strlen(body), flags);
}
