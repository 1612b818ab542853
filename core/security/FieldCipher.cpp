#include "security/FieldCipher.h"

#include "security/Sodium.h"

#include <sodium.h>

namespace casedesk {

namespace {
static_assert(FieldCipher::keySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
constexpr qsizetype nonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype tagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;

// The format version is part of the authenticated data, so a future "v2:" can never be confused with v1.
QLatin1String versionPrefix()
{
    return QLatin1String("v1:");
}

QByteArray associatedData(QByteArrayView context)
{
    QByteArray data = QByteArray(versionPrefix().data(), versionPrefix().size());
    data.append(context);
    return data;
}

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}
} // namespace

FieldCipher::FieldCipher(QByteArray key)
    : m_key(std::move(key))
{
    Sodium::ensureInitialised();
    if (m_key.size() != keySize)
        qFatal("FieldCipher needs a %d-byte key, got %d bytes", int(keySize), int(m_key.size()));
}

QString FieldCipher::encrypt(const QString &plain, QByteArrayView context) const
{
    if (plain.isEmpty())
        return {}; // nothing to protect; keeps "no phone given" distinguishable without decrypting
    QByteArray message = plain.toUtf8();
    const QByteArray ad = associatedData(context);
    QByteArray out(nonceSize + message.size() + tagSize, Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, nonceSize);
    unsigned long long cipherLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonceSize, &cipherLength, bytes(message),
        quint64(message.size()), bytes(ad), quint64(ad.size()), nullptr, nonce, bytes(m_key));
    sodium_memzero(message.data(), std::size_t(message.size()));
    out.truncate(nonceSize + qsizetype(cipherLength));
    return versionPrefix() + QString::fromLatin1(out.toBase64());
}

Result<QString> FieldCipher::decrypt(const QString &encrypted, QByteArrayView context) const
{
    if (encrypted.isEmpty())
        return QString();
    const auto malformed = [] {
        return Error {QStringLiteral("encrypted_field_malformed"),
            tr("A stored personal-data field is not in the expected encrypted format."), {}};
    };
    if (!encrypted.startsWith(versionPrefix()))
        return malformed();
    const auto decoded = QByteArray::fromBase64Encoding(
        encrypted.mid(versionPrefix().size()).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() < nonceSize + tagSize)
        return malformed();
    const QByteArray &data = decoded.decoded;
    const QByteArray ad = associatedData(context);
    QByteArray plain(data.size() - nonceSize - tagSize, Qt::Uninitialized);
    unsigned long long plainLength = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plain.data()),
        &plainLength, nullptr, bytes(data) + nonceSize, quint64(data.size() - nonceSize), bytes(ad), quint64(ad.size()),
        bytes(data), bytes(m_key));
    if (rc != 0) {
        return Error {QStringLiteral("decryption_failed"),
            tr("A stored personal-data field could not be decrypted: it was altered, or the key is not "
               "the one it was encrypted with."),
            {}};
    }
    plain.truncate(qsizetype(plainLength));
    QString text = QString::fromUtf8(plain);
    sodium_memzero(plain.data(), std::size_t(plain.size()));
    return text;
}

} // namespace casedesk
