#include "security/PasswordHasher.h"

#include "security/Sodium.h"

#include <QByteArray>

#include <sodium.h>

#include <algorithm>

namespace casedesk {

namespace {
QByteArray passwordBytes(const QString &password)
{
    return password.normalized(QString::NormalizationForm_KC).toUtf8();
}

// Stored hashes longer than libsodium's buffer cannot be ours; refusing them early also keeps a hostile
// string from reaching the parser.
bool plausibleHash(const QByteArray &hash)
{
    return !hash.isEmpty() && hash.size() < qsizetype(crypto_pwhash_STRBYTES) && !hash.contains('\0');
}
} // namespace

PasswordHasher::PasswordHasher(Strength strength)
{
    Sodium::ensureInitialised();
    switch (strength) {
    case Strength::Test:
        m_opsLimit = crypto_pwhash_argon2id_OPSLIMIT_MIN;
        m_memLimit = crypto_pwhash_argon2id_MEMLIMIT_MIN;
        break;
    case Strength::Interactive:
        m_opsLimit = crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE;
        m_memLimit = crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE;
        break;
    case Strength::Moderate:
        m_opsLimit = crypto_pwhash_argon2id_OPSLIMIT_MODERATE;
        m_memLimit = crypto_pwhash_argon2id_MEMLIMIT_MODERATE;
        break;
    }
}

Result<QString> PasswordHasher::hash(const QString &password) const
{
    if (password.isEmpty())
        return Error {QStringLiteral("empty_password"), tr("The password must not be empty."), {}};
    QByteArray bytes = passwordBytes(password);
    char out[crypto_pwhash_STRBYTES] = {};
    const int rc = crypto_pwhash_str_alg(
        out, bytes.constData(), quint64(bytes.size()), m_opsLimit, m_memLimit, crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    if (rc != 0) {
        return Error {QStringLiteral("password_hash_failed"),
            tr("The password could not be processed because the server is short of memory. Please try "
               "again later."),
            {}};
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &password, const QString &storedHash) const
{
    const QByteArray hash = storedHash.toLatin1();
    if (password.isEmpty() || !plausibleHash(hash))
        return false;
    QByteArray bytes = passwordBytes(password);
    const bool ok = crypto_pwhash_str_verify(hash.constData(), bytes.constData(), quint64(bytes.size())) == 0;
    sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    return ok;
}

bool PasswordHasher::needsRehash(const QString &storedHash) const
{
    const QByteArray hash = storedHash.toLatin1();
    if (!plausibleHash(hash))
        return true;
    // Returns 1 for other limits and -1 for a string that is not an Argon2id hash: both need a new hash.
    return crypto_pwhash_str_needs_rehash(hash.constData(), m_opsLimit, m_memLimit) != 0;
}

Status PasswordHasher::checkPolicy(const QString &password, int minimumLength)
{
    const QString normalised = password.normalized(QString::NormalizationForm_KC);
    // Counted in characters (code points), not UTF-16 units, so Chinese passwords are measured fairly.
    const auto length = normalised.toUcs4().size();
    if (length < minimumLength) {
        return Error {QStringLiteral("password_too_short"),
            tr("The password must have at least %n characters.", nullptr, minimumLength),
            {{QStringLiteral("minimum_length"), minimumLength}}};
    }
    if (std::all_of(normalised.cbegin(), normalised.cend(), [](QChar c) { return c.isDigit(); })) {
        return Error {QStringLiteral("password_all_digits"),
            tr("The password must not consist of digits only; add letters or other characters."), {}};
    }
    return {};
}

} // namespace casedesk
