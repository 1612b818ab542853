#pragma once

#include "domain/Case.h"

namespace casedesk {

class KeyedHasher;

// Sets a case's keyed hashes of the complainant's phone and ID number from their normalised forms,
// so "same complainant" means the same number however it was typed (BRIEF §2, DESIGN §7).
class ContactFingerprint
{
public:
    static void apply(Case &c, const KeyedHasher &hasher);
    static QString phoneHash(const QString &phone, const KeyedHasher &hasher);
    static QString idNumberHash(const QString &idNumber, const KeyedHasher &hasher);
};

} // namespace casedesk
