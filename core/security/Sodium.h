#pragma once

namespace casedesk {

// The single place that initialises libsodium. Every security class calls ensureInitialised() before
// using it, so no caller has to remember to, and the work happens once however many threads race.
class Sodium
{
public:
    // Aborts the process if libsodium cannot start (no usable random source): carrying on would mean
    // weak keys and nonces, which is worse than stopping.
    static void ensureInitialised();
};

} // namespace casedesk
