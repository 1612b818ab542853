#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace casedesk {

// Keyed BLAKE2b fingerprints of personal data, so repeat complaints can be found by phone or ID number
// without storing either in clear (BRIEF §2, DESIGN §7). Without the key the hashes cannot be
// brute-forced over the small space of phone numbers.
class KeyedHasher
{
public:
    static constexpr qsizetype keySize = 32;

    // `key` must be keySize bytes (KeyFile::lookupHashKey); anything else is a programming error and aborts.
    explicit KeyedHasher(QByteArray key);

    // Lower-case hex (64 characters) of BLAKE2b-256 keyed with the key over the purpose and the value,
    // length-prefixed so that ("phone", "1…") and ("phone1", "…") can never collide. Callers pass
    // normalised values (PhoneNumber::digits(), ChineseIdNumber::normalise()).
    QString hash(QStringView purpose, QStringView value) const;

private:
    QByteArray m_key;
};

} // namespace casedesk
