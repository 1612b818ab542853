#include "report/ReportTable.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace casedesk {

namespace {

QString signedNumber(double value, int decimals)
{
    // A change that rounds to zero is shown without a sign.
    const QString text = QString::number(std::abs(value), 'f', decimals);
    if (text.toDouble() == 0)
        return text;
    return (value < 0 ? QStringLiteral("-") : QStringLiteral("+")) + text;
}

} // namespace

QString ReportTable::display(const Cell &cell, QStringView language)
{
    if (!cell.value.isValid() || cell.value.isNull())
        return cell.type == Type::Text ? QString() : QStringLiteral("—");
    const bool english = language.startsWith(u"en");
    const double number = cell.value.toDouble();
    switch (cell.type) {
    case Type::Text:
        return cell.value.toString();
    case Type::Count:
        return QLocale(QLocale::English).toString(cell.value.toLongLong());
    case Type::Rate:
        return QString::number(number * 100, 'f', 1) + QLatin1Char('%');
    case Type::Days:
    case Type::Decimal:
        return QString::number(number, 'f', 2);
    case Type::RelativeChange:
        return signedNumber(number * 100, 1) + QLatin1Char('%');
    case Type::PointChange:
        return signedNumber(number * 100, 1) + (english ? QStringLiteral(" pp") : QStringLiteral(" 个百分点"));
    case Type::DayChange:
        return signedNumber(number, 2) + (english ? QStringLiteral(" d") : QStringLiteral(" 天"));
    case Type::Date:
        return cell.value.toDate().toString(Qt::ISODate);
    case Type::DateTime:
        return cell.value.toDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    return cell.value.toString();
}

QString ReportTable::plain(const Cell &cell)
{
    if (!cell.value.isValid() || cell.value.isNull())
        return {};
    switch (cell.type) {
    case Type::Text:
        return cell.value.toString();
    case Type::Count:
        return QString::number(cell.value.toLongLong());
    case Type::Rate:
    case Type::Days:
    case Type::Decimal:
    case Type::RelativeChange:
    case Type::PointChange:
    case Type::DayChange:
        // Shortest text that reads back exactly: the same digits the JSON form carries.
        return QString::number(cell.value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case Type::Date:
        return cell.value.toDate().toString(Qt::ISODate);
    case Type::DateTime:
        return cell.value.toDateTime().toString(Qt::ISODate);
    }
    return cell.value.toString();
}

} // namespace casedesk
