#include "security/KeyedHasher.h"

#include "security/Sodium.h"

#include <QtEndian>

#include <sodium.h>

namespace casedesk {

namespace {
static_assert(KeyedHasher::keySize == crypto_generichash_KEYBYTES);

void appendLengthPrefixed(QByteArray &out, const QByteArray &field)
{
    const quint32 length = qToBigEndian(quint32(field.size()));
    out.append(reinterpret_cast<const char *>(&length), sizeof length);
    out.append(field);
}
} // namespace

KeyedHasher::KeyedHasher(QByteArray key)
    : m_key(std::move(key))
{
    Sodium::ensureInitialised();
    if (m_key.size() != keySize)
        qFatal("KeyedHasher needs a %d-byte key, got %d bytes", int(keySize), int(m_key.size()));
}

QString KeyedHasher::hash(QStringView purpose, QStringView value) const
{
    Q_ASSERT_X(!purpose.isEmpty(), "KeyedHasher::hash", "a purpose keeps hashes of different fields apart");
    QByteArray input;
    appendLengthPrefixed(input, purpose.toUtf8());
    appendLengthPrefixed(input, value.toUtf8());
    QByteArray digest(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(digest.data()), std::size_t(digest.size()),
        reinterpret_cast<const unsigned char *>(input.constData()), quint64(input.size()),
        reinterpret_cast<const unsigned char *>(m_key.constData()), std::size_t(m_key.size()));
    sodium_memzero(input.data(), std::size_t(input.size()));
    return QString::fromLatin1(digest.toHex());
}

} // namespace casedesk
