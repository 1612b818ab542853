#include "validation/ChineseIdNumber.h"

#include <array>

namespace casedesk {

namespace {
// GB 11643-1999: 6-digit administrative code, 8-digit birth date, 3-digit sequence, check character.
constexpr int idLength = 18;
constexpr int regionLength = 6;
constexpr int birthDateLength = 8;

// ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11; the remainder of the weighted sum
// indexes this table.
constexpr std::array<int, idLength - 1> weights {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::array<char, 11> checkCharacters {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

Error idError(const char *code, const QString &message, QJsonObject details = {})
{
    // The number itself is deliberately not echoed: errors end up in logs, and the ID is personal data (DESIGN §7).
    details.insert(QStringLiteral("field"), QStringLiteral("id_number"));
    return Error {QString::fromLatin1(code), message, details};
}
} // namespace

QChar ChineseIdNumber::checkCharacter(QStringView first17)
{
    if (first17.size() != idLength - 1)
        return {};
    int sum = 0;
    for (int i = 0; i < idLength - 1; ++i) {
        const QChar c = first17.at(i);
        if (!isAsciiDigit(c))
            return {};
        sum += (c.unicode() - u'0') * weights.at(std::size_t(i));
    }
    return QLatin1Char(checkCharacters.at(std::size_t(sum % 11)));
}

Result<QString> ChineseIdNumber::normalise(const QString &text, QDate today)
{
    // NFKC turns full-width digits and letters typed with a Chinese input method into ASCII.
    const QString folded = text.normalized(QString::NormalizationForm_KC);
    QString id;
    id.reserve(idLength);
    for (const QChar c : folded) {
        if (!c.isSpace())
            id.append(c);
    }
    if (id.size() != idLength) {
        return idError("invalid_id_number_length",
            tr("A resident ID number has 18 characters; this one has %n.", nullptr, int(id.size())),
            {{QStringLiteral("length"), int(id.size())}});
    }
    if (id.back() == QLatin1Char('x'))
        id.back() = QLatin1Char('X');
    for (int i = 0; i < idLength; ++i) {
        const QChar c = id.at(i);
        if (!isAsciiDigit(c) && !(i == idLength - 1 && c == QLatin1Char('X'))) {
            return idError("invalid_id_number_characters",
                tr("A resident ID number consists of 17 digits followed by a digit or the letter X."));
        }
    }
    // Administrative codes start with 1–8 (regions 11–82); a 0 or 9 is a typing error or another document.
    if (id.front() < QLatin1Char('1') || id.front() > QLatin1Char('8')) {
        return idError("invalid_id_number_region",
            tr("The first six digits of a resident ID number are a region code starting with 1 to 8."));
    }
    const QDate birth = QDate::fromString(id.mid(regionLength, birthDateLength), QStringLiteral("yyyyMMdd"));
    static const QDate earliestBirth(1900, 1, 1);
    if (!birth.isValid() || birth < earliestBirth || (today.isValid() && birth > today)) {
        return idError("invalid_id_number_birth_date",
            tr("Digits 7 to 14 of a resident ID number must be a real date of birth (YYYYMMDD)."));
    }
    if (checkCharacter(QStringView(id).first(idLength - 1)) != id.back()) {
        return idError("invalid_id_number_check_digit",
            tr("The last character of this ID number does not match the others; please check it for a "
               "typing error."));
    }
    return id;
}

} // namespace casedesk
