#pragma once

#include <QByteArrayView>
#include <QString>

namespace casedesk {

// Opaque bearer tokens for logged-in sessions. The server hands out generate() once and keeps only
// hash() in its database, so a leaked database does not leak live sessions (DESIGN §7).
class SessionToken
{
public:
    // 32 random bytes as base64url without padding (43 characters).
    static QString generate();
    // Lower-case hex of the 32-byte BLAKE2b hash of the token (64 characters).
    static QString hash(const QString &token);
    // Constant-time comparison for secrets and their hashes; different lengths compare unequal.
    static bool equal(QByteArrayView a, QByteArrayView b);
};

} // namespace casedesk
