#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace casedesk {

// A calendar month a report covers ("2026-03"). Its boundaries are instants in a given time zone, so a
// branch's month starts at its own local midnight (DESIGN §5: times are UTC in storage, dates local).
class ReportMonth
{
    Q_DECLARE_TR_FUNCTIONS(ReportMonth)

public:
    ReportMonth() = default;
    ReportMonth(int year, int month);
    // "YYYY-MM"; error code "invalid_month" naming the field "month".
    static Result<ReportMonth> parse(const QString &text);
    // The month containing a date.
    static ReportMonth of(QDate date);

    bool isValid() const { return m_year > 0 && m_month >= 1 && m_month <= 12; }
    int year() const { return m_year; }
    int month() const { return m_month; }
    QDate firstDay() const { return QDate(m_year, m_month, 1); }
    QDate lastDay() const { return firstDay().addMonths(1).addDays(-1); }
    ReportMonth addMonths(int months) const;
    // The first instant of the month in the zone (local midnight of the 1st), as UTC.
    QDateTime start(const QTimeZone &zone) const;
    QString toString() const; // "2026-03"
    // "2026年3月" or "March 2026".
    QString label(QStringView language) const;
    // Short axis label: "3月" / "Mar"; with the year when asked for ("2026年1月", "Jan 2026").
    QString shortLabel(QStringView language, bool withYear = false) const;

    friend bool operator==(const ReportMonth &, const ReportMonth &) = default;
    friend auto operator<=>(const ReportMonth &, const ReportMonth &) = default;

private:
    int m_year = 0;
    int m_month = 0;
};

} // namespace casedesk
