// Debian puts libpq-fe.h in /usr/include/postgresql; pkg-config adds that path, the
// fallback covers systems without pkg-config.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif
