#include "validation/PhoneNumber.h"

#include <QRegularExpression>
#include <QStringList>

namespace casedesk {

namespace {
// MIIT numbering plan: mobiles are 1[3-9] plus 9 digits; landlines are a 3-digit area code (010 Beijing,
// 02x the largest cities) or a 4-digit one (0[3-9]xx) before a 7- or 8-digit local number; a local number
// starting with 0 is the trunk prefix typed twice.
constexpr qsizetype minLocalDigits = 7;
constexpr qsizetype maxLocalDigits = 8;

// Length of the area code that `digits` starts with (3 or 4), or 0 when it cannot start with one.
qsizetype areaCodeLength(QStringView digits)
{
    static const QRegularExpression areaCode(QStringLiteral("^(?:010|02\\d|0[3-9]\\d\\d)"));
    return areaCode.match(digits).capturedLength();
}
} // namespace

Error PhoneNumber::invalid()
{
    // The input is not echoed: error messages reach logs and the phone is personal data (DESIGN §7).
    return Error {QStringLiteral("invalid_phone"),
        tr("This is not a valid phone number. Enter an 11-digit mobile number such as 13812345678, or a "
           "landline with its area code such as 010-12345678 or 0755-1234567, optionally followed by an "
           "extension (0755-1234567-123)."),
        {{QStringLiteral("field"), QStringLiteral("phone")}}};
}

Result<PhoneNumber> PhoneNumber::parse(const QString &text)
{
    // NFKC folds full-width digits, "＋" and "（）" typed with a Chinese input method into ASCII.
    QString rest = text.normalized(QString::NormalizationForm_KC).trimmed();

    static const QRegularExpression internationalPrefix(QStringLiteral("^(?:\\(\\+86\\)|\\+\\s*86|0086)[\\s-]*"));
    const bool international = internationalPrefix.match(rest).hasMatch();
    rest.remove(internationalPrefix);

    // Mobile: digits, spaces and dashes only. Without "+" the country code may still be written as a bare
    // "86": no mobile number starts with 8, so this is unambiguous.
    static const QRegularExpression separators(QStringLiteral("[\\s-]+"));
    static const QRegularExpression mobile(QStringLiteral("^(?:86)?(1[3-9]\\d{9})$"));
    static const QRegularExpression mobileAfterPrefix(QStringLiteral("^(1[3-9]\\d{9})$"));
    QString compact = rest;
    compact.remove(separators);
    if (const auto m = (international ? mobileAfterPrefix : mobile).match(compact); m.hasMatch()) {
        PhoneNumber number;
        number.m_kind = Kind::Mobile;
        number.m_subscriber = m.captured(1);
        return number;
    }

    // Landline. An extension may follow a dash (the last group, see below) or be spelt out: "转123", "ext 123".
    QString extension;
    static const QRegularExpression spelledExtension(
        QStringLiteral("\\s*(?:转|分机|ext\\.?|x|#)\\s*(\\d{1,6})$"), QRegularExpression::CaseInsensitiveOption);
    if (const auto m = spelledExtension.match(rest); m.hasMatch()) {
        extension = m.captured(1);
        rest.truncate(m.capturedStart());
    }

    // The area code may be in parentheses, a group of its own, or glued to the local number; after "+86"
    // the trunk 0 is usually dropped ("+86 21 …").
    QString area;
    static const QRegularExpression parenthesised(QStringLiteral("^\\((\\d{2,4})\\)[\\s-]*"));
    if (const auto m = parenthesised.match(rest); m.hasMatch()) {
        area = m.captured(1);
        rest = rest.mid(m.capturedLength());
    }
    static const QRegularExpression groupsOnly(QStringLiteral("^\\d+(?:[\\s-]+\\d+)*$"));
    if (!groupsOnly.match(rest).hasMatch())
        return invalid();
    QStringList groups = rest.split(separators);
    if (area.isEmpty()) {
        QString first = groups.takeFirst();
        if (international && !first.startsWith(QLatin1Char('0')))
            first.prepend(QLatin1Char('0'));
        const qsizetype length = first.size() <= 4 ? first.size() : areaCodeLength(first);
        area = first.left(length);
        if (length < first.size())
            groups.prepend(first.mid(length));
    } else if (international && !area.startsWith(QLatin1Char('0'))) {
        area.prepend(QLatin1Char('0'));
    }
    if (area.isEmpty() || areaCodeLength(area) != area.size())
        return invalid();

    // The local number is often written in two groups ("6552 9988"): groups join until it has its minimum
    // length; one group after that is the extension ("0755-1234567-123").
    QString local;
    while (!groups.isEmpty() && local.size() < minLocalDigits)
        local += groups.takeFirst();
    if (!groups.isEmpty()) {
        if (!extension.isEmpty() || groups.size() > 1)
            return invalid();
        extension = groups.takeFirst();
    }
    static const QRegularExpression localNumber(
        QStringLiteral("^[1-9]\\d{%1,%2}$").arg(minLocalDigits - 1).arg(maxLocalDigits - 1));
    static const QRegularExpression extensionDigits(QStringLiteral("^\\d{0,6}$"));
    if (!localNumber.match(local).hasMatch() || !extensionDigits.match(extension).hasMatch())
        return invalid();

    PhoneNumber number;
    number.m_kind = Kind::Landline;
    number.m_areaCode = area;
    number.m_subscriber = local;
    number.m_extension = extension;
    return number;
}

QString PhoneNumber::normalized() const
{
    if (m_kind == Kind::Mobile)
        return m_subscriber;
    QString text = m_areaCode + QLatin1Char('-') + m_subscriber;
    if (!m_extension.isEmpty())
        text += QLatin1Char('-') + m_extension;
    return text;
}

QString PhoneNumber::digits() const
{
    return m_areaCode + m_subscriber + m_extension;
}

} // namespace casedesk
