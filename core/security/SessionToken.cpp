#include "security/SessionToken.h"

#include "security/Sodium.h"

#include <QByteArray>

#include <sodium.h>

namespace casedesk {

namespace {
// 256 bits: guessing a live token is out of reach even with many sessions open.
constexpr qsizetype tokenBytes = 32;
constexpr qsizetype hashBytes = crypto_generichash_BYTES;
static_assert(hashBytes == 32);
} // namespace

QString SessionToken::generate()
{
    Sodium::ensureInitialised();
    QByteArray bytes(tokenBytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), std::size_t(bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString SessionToken::hash(const QString &token)
{
    Sodium::ensureInitialised();
    const QByteArray input = token.toUtf8();
    QByteArray digest(hashBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(digest.data()), std::size_t(digest.size()),
        reinterpret_cast<const unsigned char *>(input.constData()), quint64(input.size()), nullptr, 0);
    return QString::fromLatin1(digest.toHex());
}

bool SessionToken::equal(QByteArrayView a, QByteArrayView b)
{
    Sodium::ensureInitialised();
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return sodium_memcmp(a.data(), b.data(), std::size_t(a.size())) == 0;
}

} // namespace casedesk
