#include "security/Sodium.h"

#include <QtGlobal>

#include <sodium.h>

namespace casedesk {

void Sodium::ensureInitialised()
{
    // A function-local static is initialised exactly once, thread-safely (C++11 "magic statics").
    static const int result = sodium_init();
    if (result < 0)
        qFatal("libsodium could not be initialised");
}

} // namespace casedesk
