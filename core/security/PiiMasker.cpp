#include "security/PiiMasker.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <array>

namespace casedesk {

namespace {

// A value this class produced: stars with at most the few characters a mask keeps visible.
bool isMasked(const QString &value)
{
    const qsizetype stars = value.count(QLatin1Char('*'));
    qsizetype shown = 0;
    for (QChar c : value) {
        if (c.isLetterOrNumber())
            ++shown;
    }
    return stars >= 4 && shown <= 8;
}

constexpr char32_t star = U'*';
constexpr qsizetype phoneVisibleTail = 4;

// The common two-character (compound) surnames; the whole surname is shown, as for one-character ones.
constexpr std::array<QStringView, 40> compoundSurnames {u"欧阳", u"司马", u"上官", u"诸葛", u"东方", u"皇甫", u"尉迟",
    u"公孙", u"慕容", u"长孙", u"宇文", u"司徒", u"夏侯", u"轩辕", u"令狐", u"钟离", u"端木", u"澹台", u"公冶", u"宗政",
    u"濮阳", u"淳于", u"单于", u"太叔", u"申屠", u"仲孙", u"闻人", u"万俟", u"赫连", u"呼延", u"南宫", u"西门", u"东郭",
    u"百里", u"拓跋", u"独孤", u"司空", u"鲜于", u"闾丘", u"左丘"};

QString fromCodePoints(const QList<char32_t> &codePoints)
{
    return QString::fromUcs4(codePoints.constData(), codePoints.size());
}

QList<char32_t> codePoints(const QString &text)
{
    QList<char32_t> result;
    const QList<uint> ucs4 = text.toUcs4();
    result.reserve(ucs4.size());
    for (const uint c : ucs4)
        result.append(char32_t(c));
    return result;
}

// Area code length at the start of `digits` (3 for 010/02x, 4 for 0[3-9]xx), or 0.
qsizetype areaCodeLength(const QString &digits)
{
    static const QRegularExpression areaCode(QStringLiteral("^(?:010|02\\d|0[3-9]\\d\\d)"));
    return areaCode.match(digits).capturedLength();
}

bool isLocalNumberLength(qsizetype length)
{
    return length == 7 || length == 8; // MIIT numbering plan: 7- or 8-digit local numbers
}

bool isNameSeparator(char32_t c)
{
    return QChar::isSpace(c) || c == U'·' || c == U'•' || c == U'・' || c == U'-' || c == U'.';
}
} // namespace

QString PiiMasker::maskPhone(const QString &phone)
{
    QString rest = phone.normalized(QString::NormalizationForm_KC).trimmed();
    if (rest.isEmpty())
        return {};
    // Already masked (a client's copy after sync): masking again must not change what is shown.
    if (isMasked(rest))
        return rest;
    static const QRegularExpression internationalPrefix(QStringLiteral("^(?:\\(\\+86\\)|\\+\\s*86|0086)[\\s-]*"));
    const bool international = internationalPrefix.match(rest).hasMatch();
    rest.remove(internationalPrefix);
    QString digits;
    for (const QChar c : std::as_const(rest)) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            digits.append(c);
    }
    const QString stars(phoneVisibleTail, QLatin1Char('*'));

    if (!international && digits.size() == 13 && digits.startsWith(u"861"))
        digits.remove(0, 2);
    if (digits.size() == 11 && digits.startsWith(QLatin1Char('1')))
        return digits.left(3) + stars + digits.right(phoneVisibleTail);

    // Landline: as normalised ("0755-1234567-123") or written in other groups; after +86 the trunk 0 is dropped.
    static const QRegularExpression nonDigits(QStringLiteral("\\D+"));
    QStringList groups = rest.split(nonDigits, Qt::SkipEmptyParts);
    if (international && !digits.startsWith(QLatin1Char('0'))) {
        digits.prepend(QLatin1Char('0'));
        if (!groups.isEmpty())
            groups.first().prepend(QLatin1Char('0'));
    }
    QString area;
    QString local;
    if ((groups.size() == 2 || groups.size() == 3) && areaCodeLength(groups.at(0)) == groups.at(0).size()
        && isLocalNumberLength(groups.at(1).size())) {
        area = groups.at(0);
        local = groups.at(1);
    } else if (const qsizetype length = areaCodeLength(digits);
               length > 0 && isLocalNumberLength(digits.size() - length)) {
        area = digits.left(length);
        local = digits.mid(length);
    }
    if (!area.isEmpty())
        return area + QLatin1Char('-') + stars + local.right(phoneVisibleTail);

    // Not a number we recognise: only a long one keeps its last digits.
    return digits.size() >= 2 * phoneVisibleTail ? stars + digits.right(phoneVisibleTail) : stars;
}

QString PiiMasker::maskIdNumber(const QString &idNumber)
{
    if (isMasked(idNumber.trimmed()))
        return idNumber.trimmed();
    QList<char32_t> chars = codePoints(idNumber);
    chars.removeIf([](char32_t c) { return QChar::isSpace(c); });
    const qsizetype n = chars.size();
    // 18-digit resident ID numbers (and 15-digit old ones) keep region prefix and the tail, as on bank
    // statements; shorter documents (passports, permits) keep less so that most of them stays hidden.
    const qsizetype head = n >= 15 ? 3 : 0;
    const qsizetype tail = n >= 15 ? 4 : (n >= 8 ? 2 : 0);
    for (qsizetype i = head; i < n - tail; ++i)
        chars[i] = star;
    return fromCodePoints(chars);
}

QString PiiMasker::maskName(const QString &name)
{
    QString trimmed = name.trimmed();
    // A Chinese name written with a space ("陈 小明") is still one name, not two words.
    const bool han
        = std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.script() == QChar::Script_Han; });
    if (han) {
        static const QRegularExpression spaces(QStringLiteral("\\s+"));
        trimmed.remove(spaces);
    }
    QList<char32_t> chars = codePoints(trimmed);
    const qsizetype n = chars.size();
    qsizetype wordStart = 0;
    bool firstWord = true;
    while (wordStart < n) {
        if (isNameSeparator(chars.at(wordStart))) {
            ++wordStart;
            continue;
        }
        qsizetype wordEnd = wordStart;
        while (wordEnd < n && !isNameSeparator(chars.at(wordEnd)))
            ++wordEnd;
        const qsizetype length = wordEnd - wordStart;
        qsizetype keep = length > 1 ? 1 : 0;
        if (firstWord && length > 2) {
            const QString start = fromCodePoints(chars.mid(wordStart, 2));
            if (std::find(compoundSurnames.begin(), compoundSurnames.end(), QStringView(start))
                != compoundSurnames.end())
                keep = 2;
        }
        for (qsizetype i = wordStart + keep; i < wordEnd; ++i)
            chars[i] = star;
        firstWord = false;
        wordStart = wordEnd;
    }
    return fromCodePoints(chars);
}

QString PiiMasker::maskText(const QString &text, int visiblePrefix, int visibleSuffix)
{
    QList<char32_t> chars = codePoints(text);
    const qsizetype n = chars.size();
    const qsizetype budget = n / 2;
    const qsizetype prefix = std::clamp<qsizetype>(visiblePrefix, 0, budget);
    const qsizetype suffix = std::clamp<qsizetype>(visibleSuffix, 0, budget - prefix);
    for (qsizetype i = prefix; i < n - suffix; ++i)
        chars[i] = star;
    return fromCodePoints(chars);
}

} // namespace casedesk
