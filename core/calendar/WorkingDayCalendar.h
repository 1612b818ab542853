#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace casedesk {

// Which days count as working days (BRIEF §5): the national holiday schedule with its make-up working
// weekends (调休), one JSON file a year under resources/calendars/; a year without a file falls back to
// Monday–Friday and says so. All counting follows DESIGN §5 ("the N-th working day strictly after").
class WorkingDayCalendar
{
    Q_DECLARE_TR_FUNCTIONS(WorkingDayCalendar)

public:
    // An empty calendar: every year falls back to Monday–Friday.
    WorkingDayCalendar() = default;

    // Loads every "*-YYYY.json" file of the directory (the built-in ones are at ":/casedesk/calendars").
    // The first bad file refuses the whole load with code "invalid_calendar_file".
    static Result<WorkingDayCalendar> load(const QString &directory);
    // One year from the raw bytes of a calendar file; refuses text that is not a JSON object.
    static Result<WorkingDayCalendar> parse(const QString &fileName, const QByteArray &bytes);
    // One year from a parsed calendar file, validated strictly; errors name the file, entry and field.
    static Result<WorkingDayCalendar> fromJson(const QString &fileName, const QJsonObject &json);
    // Adds the years of another calendar; a year described twice is refused and nothing changes.
    Status merge(const WorkingDayCalendar &other);

    bool isWorkingDay(QDate date) const;
    // The n-th working day strictly after `from`; `from` itself when n <= 0.
    QDate addWorkingDays(QDate from, int n) const;
    // The first working day strictly after `date`.
    QDate nextWorkingDay(QDate date) const;
    // The number of working days in (from, to]; 0 when `to` is not after `from`.
    int workingDaysBetween(QDate from, QDate to) const;
    // The name of the holiday period containing `date` as written in the file, empty if none.
    QString holidayName(QDate date) const;

    bool hasDataFor(int year) const;
    QList<int> years() const;
    // The calendar file a year was read from, empty for a fallback year.
    QString fileFor(int year) const;
    // Years in [from.year(), to.year()] (either order) that have no data and were counted Monday–Friday.
    QList<int> yearsWithoutData(QDate from, QDate to) const;
    // The warning to show for a fallback year; empty when the year has data.
    QString fallbackWarning(int year) const;

private:
    struct Year
    {
        QString fileName;
        QStringList holidayNames;
        std::vector<qint16> holiday; // per day of the year: index into holidayNames, -1 for none
        std::vector<quint16> workingThrough; // per day of the year: working days from 1 January up to it
    };

    const Year *yearData(int year) const;
    int workingThrough(QDate date) const;
    int workingInYear(int year) const;
    QDate nthWorkingDayOfYear(int year, int n) const;

    QMap<int, Year> m_years;
};

} // namespace casedesk
