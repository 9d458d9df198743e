/* emit.c: the two writers behind emit.h. */
#include "emit.h"

#include <inttypes.h>
#include <string.h>

void sf_check_emit_init(sf_check_emit *e, FILE *out, int json) {
  memset(e, 0, sizeof *e);
  e->out = out;
  e->json = json;
  e->depth = -1; /* the document's own object opens level 0 */
}

/* utf8_len returns the length of the valid UTF-8 sequence at |p| (RFC 3629
 * 4: shortest form, no surrogates, at most U+10FFFF), or 0. */
static size_t utf8_len(const uint8_t *p, size_t n) {
  uint8_t c = p[0];
  size_t len;
  uint32_t cp;
  if (c >= 0xc2 && c <= 0xdf) {
    len = 2, cp = c & 0x1fu;
  } else if (c >= 0xe0 && c <= 0xef) {
    len = 3, cp = c & 0x0fu;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4, cp = c & 0x07u;
  } else {
    return 0;
  }
  if (n < len) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((p[i] & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3fu);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
      (cp >= 0xd800 && cp <= 0xdfff)) {
    return 0;
  }
  return len;
}

/* write_quoted writes |p| in double quotes with the escapes both forms
 * share (\" \\ \n \r \t); other control bytes, and in the text form
 * every byte >= 0x80, as \u00XX (JSON) or \xXX (text). JSON keeps valid
 * UTF-8 sequences as they are and escapes the other bytes >= 0x80. */
static void write_quoted(FILE *out, const uint8_t *p, size_t n, int json) {
  fputc('"', out);
  for (size_t i = 0; i < n; i++) {
    uint8_t c = p[i];
    size_t k = 0;
    if (c == '"' || c == '\\') {
      fputc('\\', out);
      fputc(c, out);
    } else if (c == '\n' || c == '\r' || c == '\t') {
      fputs(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t", out);
    } else if (c >= 0x20 && c < 0x7f) {
      fputc(c, out);
    } else if (json && c >= 0x80 && (k = utf8_len(p + i, n - i)) > 0) {
      fwrite(p + i, 1, k, out);
      i += k - 1;
    } else {
      fprintf(out, json ? "\\u%04x" : "\\x%02x", c);
    }
  }
  fputc('"', out);
}

void sf_check_json_string(FILE *out, const uint8_t *p, size_t n) { write_quoted(out, p, n, 1); }

/* is_plain says whether the text form may write |p| without quotes. */
static int is_plain(const uint8_t *p, size_t n) {
  if (n == 0 || p[0] == ' ' || p[n - 1] == ' ' || p[0] == '"' || p[0] == '-') return 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] < 0x20 || p[i] >= 0x7f) return 0;
  }
  return 1;
}

static void text_string(FILE *out, const uint8_t *p, size_t n) {
  if (is_plain(p, n)) {
    fwrite(p, 1, n, out);
  } else {
    write_quoted(out, p, n, 0);
  }
}

/* text_indent starts a text line at the current level, with the dash of
 * a list item whose object begins here. */
static void text_indent(sf_check_emit *e) {
  int pending = e->dash_pending;
  for (int i = 0; i < e->depth - pending; i++) fputs("  ", e->out);
  if (pending) fputs("- ", e->out);
  e->dash_pending = 0;
}

/* begin_value writes what comes before a value (or a nested object or
 * list) with |key| at the current level. |opens| says whether the value is
 * an object or list. */
static void begin_value(sf_check_emit *e, const char *key, int opens) {
  if (e->json) {
    if (e->depth >= 0) {
      if (e->items[e->depth]++ > 0) fputc(',', e->out);
      fputc('\n', e->out);
      for (int i = 0; i <= e->depth; i++) fputs("  ", e->out);
    }
    if (key != NULL && e->depth >= 0 && !e->is_list[e->depth]) {
      sf_check_json_string(e->out, (const uint8_t *)key, strlen(key));
      fputs(": ", e->out);
    }
    return;
  }
  if (e->depth < 0) return;
  int item = e->is_list[e->depth] && key == NULL;
  if (item && opens) {
    /* An object as a list item: its first line carries the dash. */
    e->dash_pending = 1;
    return;
  }
  text_indent(e);
  if (item) {
    fputs("- ", e->out);
    return;
  }
  fprintf(e->out, "%s:%s", key != NULL ? key : "", opens ? "\n" : " ");
}

static void open_level(sf_check_emit *e, const char *key, int list) {
  begin_value(e, key, 1);
  if (e->json) fputc(list ? '[' : '{', e->out);
  if (e->depth + 1 < SF_CHECK_EMIT_MAX_DEPTH) e->depth++;
  e->items[e->depth] = 0;
  e->is_list[e->depth] = list;
}

void sf_check_emit_object(sf_check_emit *e, const char *key) { open_level(e, key, 0); }
void sf_check_emit_list(sf_check_emit *e, const char *key) { open_level(e, key, 1); }

void sf_check_emit_end(sf_check_emit *e) {
  if (e->json) {
    int empty = e->items[e->depth] == 0;
    int list = e->is_list[e->depth];
    if (!empty) {
      fputc('\n', e->out);
      for (int i = 0; i < e->depth; i++) fputs("  ", e->out);
    }
    fputc(list ? ']' : '}', e->out);
  } else if (e->items[e->depth] == 0 && e->depth > 0) {
    /* An empty object or list still shows that it is there. */
    text_indent(e);
    fputs(e->is_list[e->depth] ? "(none)\n" : "(empty)\n", e->out);
  }
  if (e->depth >= 0) e->depth--;
  if (!e->json && e->depth >= 0) e->items[e->depth]++;
}

void sf_check_emit_bytes(sf_check_emit *e, const char *key, const uint8_t *p, size_t n) {
  begin_value(e, key, 0);
  if (e->json) {
    sf_check_json_string(e->out, p, n);
  } else {
    text_string(e->out, p, n);
    fputc('\n', e->out);
    e->items[e->depth]++;
  }
}

void sf_check_emit_str(sf_check_emit *e, const char *key, const char *s) {
  sf_check_emit_bytes(e, key, (const uint8_t *)s, strlen(s));
}

/* emit_raw writes a value that needs no quoting in either form. */
static void emit_raw(sf_check_emit *e, const char *key, const char *text) {
  begin_value(e, key, 0);
  fputs(text, e->out);
  if (!e->json) {
    fputc('\n', e->out);
    e->items[e->depth]++;
  }
}

void sf_check_emit_uint(sf_check_emit *e, const char *key, uint64_t v) {
  char buf[24];
  snprintf(buf, sizeof buf, "%" PRIu64, v);
  emit_raw(e, key, buf);
}

void sf_check_emit_int(sf_check_emit *e, const char *key, int64_t v) {
  char buf[24];
  snprintf(buf, sizeof buf, "%" PRId64, v);
  emit_raw(e, key, buf);
}

void sf_check_emit_bool(sf_check_emit *e, const char *key, int v) {
  emit_raw(e, key, v ? "true" : "false");
}

void sf_check_emit_range(sf_check_emit *e, const char *key, size_t offset, size_t len) {
  if (e->json) {
    sf_check_emit_object(e, key);
    sf_check_emit_uint(e, "offset", offset);
    sf_check_emit_uint(e, "length", len);
    sf_check_emit_end(e);
    return;
  }
  char buf[80];
  snprintf(buf, sizeof buf, "%zu..%zu (%zu bytes)", offset, offset + len, len);
  emit_raw(e, key, buf);
}

void sf_check_emit_done(sf_check_emit *e) {
  if (e->json) fputc('\n', e->out);
  fflush(e->out);
}
