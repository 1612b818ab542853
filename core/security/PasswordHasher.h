#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QString>

#include <cstddef>

namespace casedesk {

// Argon2id password hashes in libsodium's self-describing string form ("$argon2id$v=19$m=…"), plus the
// password policy users are held to (DESIGN §7).
class PasswordHasher
{
    Q_DECLARE_TR_FUNCTIONS(PasswordHasher)

public:
    enum class Strength {
        Test, // libsodium's minimum limits: for unit tests only, never for stored passwords
        Interactive, // the server default: about 64 MiB and a fraction of a second per login
        Moderate, // 256 MiB: for deployments that can afford slower logins
    };

    // Policy minimum; a deployment may ask for more through checkPolicy's second parameter.
    static constexpr int defaultMinimumLength = 10;

    explicit PasswordHasher(Strength strength = Strength::Interactive);

    // Passwords are NFKC-normalised first, so a password typed with a full-width input method matches the
    // same password typed in ASCII. Errors: empty_password, password_hash_failed (out of memory).
    Result<QString> hash(const QString &password) const;
    // False for a wrong password, an empty one, or a stored hash that is not a libsodium password hash.
    bool verify(const QString &password, const QString &storedHash) const;
    // True when the stored hash was made with other limits or another algorithm: rehash after a login.
    bool needsRehash(const QString &storedHash) const;

    // Errors: password_too_short, password_all_digits.
    static Status checkPolicy(const QString &password, int minimumLength = defaultMinimumLength);

private:
    unsigned long long m_opsLimit = 0;
    std::size_t m_memLimit = 0;
};

} // namespace casedesk
