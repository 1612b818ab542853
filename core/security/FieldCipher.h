#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

namespace casedesk {

// Encrypts single personal-data fields (complainant phone, ID number) for storage, so the database alone
// does not reveal them (DESIGN §7). XChaCha20-Poly1305 with a random nonce per value: the same phone
// encrypts differently each time, and any change to the stored text is detected.
class FieldCipher
{
    Q_DECLARE_TR_FUNCTIONS(FieldCipher)

public:
    static constexpr qsizetype keySize = 32;

    // `key` must be keySize bytes (KeyFile::fieldEncryptionKey); anything else is a programming error and aborts.
    explicit FieldCipher(QByteArray key);

    // "v1:" + base64(nonce || ciphertext || tag); an empty plaintext gives an empty string. `context` (e.g.
    // the case id and field name) is authenticated but not stored: decrypt needs the same context, so a
    // value copied into another record or field is refused.
    QString encrypt(const QString &plain, QByteArrayView context = {}) const;

    // Errors: encrypted_field_malformed (not text this class wrote), decryption_failed (altered, wrong key
    // or wrong context).
    Result<QString> decrypt(const QString &encrypted, QByteArrayView context = {}) const;

private:
    QByteArray m_key;
};

} // namespace casedesk
