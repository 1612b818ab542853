#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace casedesk {

// The master key file kept in the data directory, outside the database (DESIGN §4, §7), and the
// sub-keys derived from it so field encryption and lookup hashes never share a key.
class KeyFile
{
    Q_DECLARE_TR_FUNCTIONS(KeyFile)

public:
    static constexpr int masterKeySize = 32;

    // Loads the key, or creates it with random bytes when the file does not exist. A new file is
    // created with mode 0600 from the first byte and appears complete or not at all. Refuses a file that
    // group or others may access, that is not a regular file, or whose size is not `size`.
    // Errors: key_file_unreadable, key_file_permissions, key_file_wrong_size, key_file_create_failed,
    // key_file_invalid_request.
    static Result<QByteArray> loadOrCreate(const QString &path, int size = masterKeySize);

    // crypto_kdf_derive_from_key: `master` must be masterKeySize bytes, `context` exactly 8 bytes and
    // `size` 16–64; these are programming errors and abort. Distinct (id, context) give independent keys.
    static QByteArray deriveSubkey(const QByteArray &master, quint64 id, QByteArrayView context, int size = 32);

    // The sub-keys CaseDesk uses, so every program derives them the same way.
    static QByteArray fieldEncryptionKey(const QByteArray &master); // for FieldCipher
    static QByteArray lookupHashKey(const QByteArray &master); // for KeyedHasher
};

} // namespace casedesk
