#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QString>

namespace casedesk {

// A mainland China contact number: an 11-digit mobile or a landline with its area code and an optional
// extension. Parsing normalises the many ways people write them, so repeat detection (BRIEF §2) can
// compare numbers and the keyed hash sees one spelling per number.
class PhoneNumber
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNumber)

public:
    enum class Kind { Mobile, Landline };

    // Accepts e.g. "+86 138-1234-5678", "0086 13812345678", "(021)12345678", "0755-1234567-123",
    // "010 6552 9988"; full-width characters are folded to ASCII first. Error code: invalid_phone.
    static Result<PhoneNumber> parse(const QString &text);

    Kind kind() const { return m_kind; }
    // "13812345678", "010-12345678", "0755-1234567-123".
    QString normalized() const;
    // The normalised number without separators and without the country prefix (input for hashing).
    QString digits() const;
    QString areaCode() const { return m_areaCode; } // landlines only, e.g. "0755"
    QString subscriber() const { return m_subscriber; } // the mobile number or the local landline number
    QString extension() const { return m_extension; } // landlines only, may be empty

    friend bool operator==(const PhoneNumber &, const PhoneNumber &) = default;

private:
    PhoneNumber() = default;
    static Error invalid();

    Kind m_kind = Kind::Mobile;
    QString m_areaCode;
    QString m_subscriber;
    QString m_extension;
};

} // namespace casedesk
