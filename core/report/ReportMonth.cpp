#include "report/ReportMonth.h"

#include <QLocale>
#include <QRegularExpression>

namespace casedesk {

ReportMonth::ReportMonth(int year, int month)
    : m_year(year)
    , m_month(month)
{ }

Result<ReportMonth> ReportMonth::parse(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto match = pattern.match(text.trimmed());
    const ReportMonth month
        = match.hasMatch() ? ReportMonth(match.captured(1).toInt(), match.captured(2).toInt()) : ReportMonth();
    if (!month.isValid() || month.year() < 1900) {
        return Error {QStringLiteral("invalid_month"),
            tr("“%1” is not a month; write it as YYYY-MM, e.g. 2026-03.").arg(text),
            {{QStringLiteral("field"), QStringLiteral("month")}, {QStringLiteral("value"), text}}};
    }
    return month;
}

ReportMonth ReportMonth::of(QDate date)
{
    return ReportMonth(date.year(), date.month());
}

ReportMonth ReportMonth::addMonths(int months) const
{
    const int index = m_year * 12 + (m_month - 1) + months;
    return ReportMonth(index / 12, index % 12 + 1);
}

QDateTime ReportMonth::start(const QTimeZone &zone) const
{
    return firstDay().startOfDay(zone).toUTC();
}

QString ReportMonth::toString() const
{
    return QStringLiteral("%1-%2").arg(m_year, 4, 10, QLatin1Char('0')).arg(m_month, 2, 10, QLatin1Char('0'));
}

QString ReportMonth::label(QStringView language) const
{
    if (language.startsWith(u"en"))
        return QLocale(QLocale::English).monthName(m_month) + QLatin1Char(' ') + QString::number(m_year);
    return QStringLiteral("%1年%2月").arg(m_year).arg(m_month);
}

QString ReportMonth::shortLabel(QStringView language, bool withYear) const
{
    const bool year = withYear;
    if (language.startsWith(u"en")) {
        const QString name = QLocale(QLocale::English).monthName(m_month, QLocale::ShortFormat);
        return year ? name + QLatin1Char(' ') + QString::number(m_year) : name;
    }
    return year ? QStringLiteral("%1年%2月").arg(m_year).arg(m_month) : QStringLiteral("%1月").arg(m_month);
}

} // namespace casedesk
