#include "casework/ContactFingerprint.h"

#include "security/KeyedHasher.h"
#include "validation/ChineseIdNumber.h"
#include "validation/PhoneNumber.h"

namespace casedesk {

QString ContactFingerprint::phoneHash(const QString &phone, const KeyedHasher &hasher)
{
    auto parsed = PhoneNumber::parse(phone);
    if (!parsed)
        return {};
    return hasher.hash(u"phone", parsed->digits());
}

QString ContactFingerprint::idNumberHash(const QString &idNumber, const KeyedHasher &hasher)
{
    auto normalised = ChineseIdNumber::normalise(idNumber);
    if (!normalised)
        return {};
    return hasher.hash(u"id_number", normalised.value());
}

void ContactFingerprint::apply(Case &c, const KeyedHasher &hasher)
{
    c.phoneHash = phoneHash(c.complainant.phone, hasher);
    c.idNumberHash = idNumberHash(c.complainant.idNumber, hasher);
}

} // namespace casedesk
