/* test_sip_uri_equal.c: sf_sip_uri_equal, RFC 3261 19.1.4 URI comparison,
 * on the section's own examples (both lists) and on the rules one by one:
 * the cases behind sipsec-check's From versus subjectAltName check.
 *
 * Both URIs of a case are parsed from one guarded buffer ("a" NUL "b"), so
 * the comparison reads only bytes the parser returned slices to, and an
 * over-read past "b" faults even without a sanitizer. */
#include "sip_test_util.h"

typedef struct {
  const char *a, *b;
  int equal;
} pair;

static sf_sip_uri ua, ub;

static void check_pair(const pair *p) {
  char joined[512];
  size_t la = strlen(p->a), lb = strlen(p->b);
  if (la + lb + 1 > sizeof joined) {
    CHECK(0);
    return;
  }
  memcpy(joined, p->a, la);
  joined[la] = '\0';
  memcpy(joined + la + 1, p->b, lb);
  const uint8_t *in = sf_guard(joined, la + 1 + lb);
  sf_error err;
  sf_test_current = p->a;
  CHECK_STATUS(sf_sip_parse_uri(in, sf_slice_make(in, la), 0, &ua, &err), SF_SIP_OK);
  CHECK_STATUS(sf_sip_parse_uri(in, sf_slice_make(in + la + 1, lb), 0, &ub, &err), SF_SIP_OK);
  CHECK_INT(sf_sip_uri_equal(&ua, &ub), p->equal);
  CHECK_INT(sf_sip_uri_equal(&ub, &ua), p->equal); /* symmetric */
  CHECK_INT(sf_sip_uri_equal(&ua, &ua), 1);        /* reflexive */
}

/* RFC 3261 19.1.4, "the following are equivalent". */
static void test_rfc3261_equivalent(void) {
  static const pair cases[] = {
      {"sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp", 1},
      {"sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5", 1},
      {"sip:carol@chicago.com", "sip:carol@chicago.com;security=on", 1},
      {"sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on", 1},
      {"sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
       "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com", 1},
      {"sip:alice@atlanta.com?subject=project%20x&priority=urgent",
       "sip:alice@atlanta.com?priority=urgent&subject=project%20x", 1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_pair(&cases[i]);
}

/* RFC 3261 19.1.4, "the following are not equivalent". */
static void test_rfc3261_not_equivalent(void) {
  static const pair cases[] = {
      {"SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP", 0},
      {"sip:bob@biloxi.com", "sip:bob@biloxi.com:5060", 0},
      {"sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp", 0},
      {"sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp", 0},
      {"sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting", 0},
      {"sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4", 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_pair(&cases[i]);
}

/* The rules one at a time. */
static void test_rules(void) {
  static const pair cases[] = {
      /* sip and sips are never equivalent (the draft's 4.2 From is sips:). */
      {"sip:fluffy@example.com", "sips:fluffy@example.com", 0},
      {"sips:fluffy@example.com", "SIPS:fluffy@EXAMPLE.com", 1},
      /* userinfo is case-sensitive, escapes of unreserved characters are not
       * significant, escapes of reserved ones are. */
      {"sip:Fluffy@example.com", "sip:fluffy@example.com", 0},
      {"sip:fluffy@example.com", "sip:%66%6c%75%66%66%79@example.com", 1},
      {"sip:%66luffy@example.com", "sip:%66LUFFY@example.com", 0},
      {"sip:a%3bb@example.com", "sip:a%3Bb@example.com", 1},
      {"sip:a%3bb@example.com", "sip:a;b@example.com", 0},
      {"sip:alice:secret@h", "sip:alice:Secret@h", 0},
      {"sip:alice:secret@h", "sip:alice@h", 0},
      {"sip:alice@h", "sip:h", 0},
      /* host: any case, IP address and name never equal. */
      {"sip:a@EXAMPLE.COM", "sip:a@example.com", 1},
      {"sip:a@[2001:DB8::1]", "sip:a@[2001:db8::1]", 1},
      {"sip:a@example.com", "sip:a@example.com.", 0},
      /* ports: a default port never equals its absence. */
      {"sip:a@h:5060", "sip:a@h:5060", 1},
      {"sip:a@h:5060", "sip:a@h:5061", 0},
      /* parameters: user, ttl, method, maddr, transport in one only differ;
       * others in one only are ignored; in both they must match. */
      {"sip:a@h;user=phone", "sip:a@h", 0},
      {"sip:a@h;ttl=15", "sip:a@h", 0},
      {"sip:a@h;method=INVITE", "sip:a@h", 0},
      {"sip:a@h;maddr=239.255.255.1", "sip:a@h", 0},
      {"sip:a@h;lr", "sip:a@h", 1},
      {"sip:a@h;lr", "sip:a@h;lr=on", 0},
      {"sip:a@h;foo=Bar", "sip:a@h;FOO=bar", 1},
      {"sip:a@h;foo=bar", "sip:a@h;foo=baz", 0},
      {"sip:a@h;%66oo=bar", "sip:a@h;foo=bar", 1},
      /* headers: compared as sets, each one must be in both. */
      {"sip:a@h?x=1", "sip:a@h?x=1&y=2", 0},
      {"sip:a@h?x=1&y=2", "sip:a@h?y=2&x=1", 1},
      {"sip:a@h?x=1", "sip:a@h?x=2", 0},
      /* other schemes: scheme in any case, the rest byte for byte. */
      {"im:fluffy@example.com", "IM:fluffy@example.com", 1},
      {"im:fluffy@example.com", "im:Fluffy@example.com", 0},
      {"im:fluffy@example.com", "sip:fluffy@example.com", 0},
      {"im:fluffy@example.com", "pres:fluffy@example.com", 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_pair(&cases[i]);
}

int main(void) {
  RUN(test_rfc3261_equivalent);
  RUN(test_rfc3261_not_equivalent);
  RUN(test_rules);
  return sf_test_finish();
}
