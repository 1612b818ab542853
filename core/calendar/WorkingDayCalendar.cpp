#include "calendar/WorkingDayCalendar.h"

#include "base/JsonReader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace casedesk {

namespace {

const QString invalidFileCode = QStringLiteral("invalid_calendar_file");

// Calendar files are named <region>-<YYYY>.json (DESIGN §1 resources/calendars); the year in the name
// must agree with the year inside, so an admin copying last year's file cannot forget to edit it.
const QRegularExpression &fileNamePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^.+-(\\d{4})\\.json$"));
    return pattern;
}

// Makes a field-level problem into one naming the file, the entry and the field (the same shape as
// rules/RuleFileError, built here because the calendar library depends on base only).
Error fileError(const QString &fileName, const QString &entry, const QString &entryName, const Error &fieldError)
{
    QJsonObject details = fieldError.details;
    details.insert(QStringLiteral("file"), fileName);
    details.insert(QStringLiteral("reason"), fieldError.code);
    if (!entry.isEmpty())
        details.insert(QStringLiteral("entry"), entry);
    if (!entryName.trimmed().isEmpty())
        details.insert(QStringLiteral("name"), entryName);
    const QString field = details.value(QStringLiteral("field")).toString();
    QString where;
    if (entry.isEmpty() && field.isEmpty())
        where = fileName;
    else if (entry.isEmpty())
        where = WorkingDayCalendar::tr("%1, field “%2”").arg(fileName, field);
    else if (entryName.trimmed().isEmpty())
        where = WorkingDayCalendar::tr("%1, entry “%2”, field “%3”").arg(fileName, entry, field);
    else
        where = WorkingDayCalendar::tr("%1, entry “%2” (%3), field “%4”").arg(fileName, entry, entryName, field);
    return {invalidFileCode, WorkingDayCalendar::tr("%1: %2").arg(where, fieldError.message), details};
}

Error fieldError(const QString &code, const QString &field, const QString &message)
{
    return {code, message, {{QStringLiteral("field"), field}}};
}

// QDate's ISO parser also takes "2026/02/14"; a calendar file writes dates exactly YYYY-MM-DD.
bool isIsoDate(const QString &text, QDate date)
{
    return date.isValid() && date.toString(Qt::ISODate) == text;
}

QDate strictDate(JsonReader &reader, const QString &key)
{
    const QDate date = reader.date(key, true);
    if (reader.ok() && !isIsoDate(reader.value(key).toString(), date)) {
        reader.invalid(
            key, WorkingDayCalendar::tr("Field “%1” must be a date written YYYY-MM-DD.").arg(reader.fieldPath(key)));
    }
    return date;
}

bool isWeekend(QDate date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

// Monday–Friday from 1 January up to `date`; every 7 consecutive days hold exactly 5 of them.
int weekdaysThrough(QDate date)
{
    const int weeks = date.dayOfYear() / 7;
    int count = weeks * 5;
    for (QDate day = QDate(date.year(), 1, 1).addDays(qint64(weeks) * 7); day <= date; day = day.addDays(1)) {
        if (!isWeekend(day))
            ++count;
    }
    return count;
}

QDate nthWeekdayOfYear(int year, int n)
{
    const int weeks = (n - 1) / 5;
    int count = weeks * 5;
    for (QDate day = QDate(year, 1, 1).addDays(qint64(weeks) * 7);; day = day.addDays(1)) {
        if (!isWeekend(day) && ++count == n)
            return day;
    }
}

} // namespace

Result<WorkingDayCalendar> WorkingDayCalendar::load(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists()) {
        return Error {QStringLiteral("calendar_directory_not_found"),
            tr("The holiday calendar folder “%1” does not exist.").arg(directory),
            {{QStringLiteral("directory"), directory}}};
    }
    WorkingDayCalendar calendar;
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        if (!fileNamePattern().match(name).hasMatch())
            continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            return Error {invalidFileCode, tr("%1: the file cannot be read (%2).").arg(name, file.errorString()),
                {{QStringLiteral("file"), name}, {QStringLiteral("reason"), QStringLiteral("unreadable")}}};
        }
        const auto year = parse(name, file.readAll());
        if (!year)
            return year.error();
        const Status merged = calendar.merge(*year);
        if (!merged)
            return merged.error();
    }
    return calendar;
}

Result<WorkingDayCalendar> WorkingDayCalendar::parse(const QString &fileName, const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error {invalidFileCode,
            tr("%1: not valid JSON (%2 at character %3).")
                .arg(fileName, parseError.errorString())
                .arg(parseError.offset),
            {{QStringLiteral("file"), fileName}, {QStringLiteral("reason"), QStringLiteral("not_json")},
                {QStringLiteral("offset"), parseError.offset}}};
    }
    if (!document.isObject()) {
        return Error {invalidFileCode, tr("%1: a calendar file must hold one JSON object.").arg(fileName),
            {{QStringLiteral("file"), fileName}, {QStringLiteral("reason"), QStringLiteral("not_an_object")}}};
    }
    return fromJson(fileName, document.object());
}

Result<WorkingDayCalendar> WorkingDayCalendar::fromJson(const QString &fileName, const QJsonObject &json)
{
    JsonReader reader(json);
    reader.rejectUnknown({QStringLiteral("region"), QStringLiteral("year"), QStringLiteral("source"),
        QStringLiteral("note"), QStringLiteral("holidays"), QStringLiteral("workdays")});
    reader.string(QStringLiteral("region"));
    reader.string(QStringLiteral("source"));
    reader.string(QStringLiteral("note"));
    const int year = int(reader.integer(QStringLiteral("year"), 0, true));
    // Dates are written YYYY-MM-DD, so a year has four digits.
    if (reader.ok() && (year < 1 || year > 9999))
        reader.invalid(QStringLiteral("year"), tr("Field “year” must be a year written with four digits."));
    const auto nameMatch = fileNamePattern().match(fileName);
    if (reader.ok() && nameMatch.hasMatch() && nameMatch.captured(1).toInt() != year) {
        reader.invalid(QStringLiteral("year"),
            tr("The file name says %1 but field “year” is %2.").arg(nameMatch.captured(1)).arg(year));
    }
    const QJsonArray holidays = reader.array(QStringLiteral("holidays"), true);
    const QJsonArray workdays = reader.array(QStringLiteral("workdays"), true);
    if (!reader.ok())
        return fileError(fileName, {}, {}, reader.error());

    const QDate first(year, 1, 1);
    const auto inYear = [year](QDate date) { return date.year() == year; };
    const QString notInYear = tr("%1 is not in %2, the year of this file; a holiday spanning New Year is split "
                                 "between the two years' files.");

    struct Period
    {
        QString name;
        QDate from;
        QDate to;
    };
    QList<Period> periods;
    for (int i = 0; i < holidays.size(); ++i) {
        const QString entry = QStringLiteral("holidays[%1]").arg(i);
        JsonReader h = reader.element(holidays, i, QStringLiteral("holidays"));
        h.rejectUnknown({QStringLiteral("name"), QStringLiteral("from"), QStringLiteral("to")});
        const QString name = h.string(QStringLiteral("name"), true);
        const QDate from = strictDate(h, QStringLiteral("from"));
        const QDate to = strictDate(h, QStringLiteral("to"));
        if (h.ok() && !inYear(from))
            h.invalid(QStringLiteral("from"), notInYear.arg(from.toString(Qt::ISODate)).arg(year));
        if (h.ok() && !inYear(to))
            h.invalid(QStringLiteral("to"), notInYear.arg(to.toString(Qt::ISODate)).arg(year));
        if (h.ok() && from > to) {
            h.invalid(QStringLiteral("to"),
                tr("The holiday ends on %1, before it starts on %2.")
                    .arg(to.toString(Qt::ISODate), from.toString(Qt::ISODate)));
        }
        for (int j = 0; h.ok() && j < periods.size(); ++j) {
            // Overlapping periods would leave a day with two names; the notice never does that.
            if (from <= periods[j].to && periods[j].from <= to) {
                h.invalid(QStringLiteral("from"),
                    tr("This holiday overlaps holidays[%1] (%2).").arg(QString::number(j), periods[j].name));
            }
        }
        if (!reader.ok())
            return fileError(fileName, entry, name, reader.error());
        periods.append({name, from, to});
    }

    Year data;
    data.fileName = fileName;
    const int days = first.daysInYear();
    data.holiday.assign(std::size_t(days), -1);
    for (int i = 0; i < periods.size(); ++i) {
        data.holidayNames.append(periods[i].name);
        for (QDate day = periods[i].from; day <= periods[i].to; day = day.addDays(1))
            data.holiday[std::size_t(day.dayOfYear() - 1)] = qint16(i);
    }

    std::vector<bool> makeUp(std::size_t(days), false);
    for (int i = 0; i < workdays.size(); ++i) {
        const QString entry = QStringLiteral("workdays[%1]").arg(i);
        const QJsonValue value = workdays.at(i);
        const QString text = value.toString();
        const QDate day = QDate::fromString(text, Qt::ISODate);
        std::optional<Error> problem;
        if (!value.isString() || !isIsoDate(text, day)) {
            problem = fieldError(
                QStringLiteral("invalid_type"), entry, tr("Field “%1” must be a date written YYYY-MM-DD.").arg(entry));
        } else if (!inYear(day)) {
            problem = fieldError(QStringLiteral("invalid_value"), entry,
                tr("%1 is not in %2, the year of this file.").arg(text).arg(year));
        } else if (!isWeekend(day)) {
            // BRIEF §5: make-up working days (调休) are weekend days worked in exchange for a longer holiday.
            problem = fieldError(QStringLiteral("invalid_value"), entry,
                tr("%1 is not a Saturday or Sunday; only a weekend day can be a make-up working day.").arg(text));
        } else if (const qint16 h = data.holiday[std::size_t(day.dayOfYear() - 1)]; h >= 0) {
            problem = fieldError(QStringLiteral("invalid_value"), entry,
                tr("%1 lies inside the holiday “%2”; a day cannot be both a holiday and a make-up "
                   "working day.")
                    .arg(text, data.holidayNames.at(h)));
        } else if (makeUp[std::size_t(day.dayOfYear() - 1)]) {
            problem = fieldError(QStringLiteral("invalid_value"), entry, tr("%1 is listed twice.").arg(text));
        }
        if (problem)
            return fileError(fileName, entry, {}, *problem);
        makeUp[std::size_t(day.dayOfYear() - 1)] = true;
    }

    // Precomputed running count, so counting and adding working days is a lookup, not a walk (listings
    // compute deadlines for every row).
    data.workingThrough.resize(std::size_t(days));
    int count = 0;
    for (int i = 0; i < days; ++i) {
        const std::size_t index = std::size_t(i);
        const bool working = makeUp[index] || (data.holiday[index] < 0 && !isWeekend(first.addDays(i)));
        if (working)
            ++count;
        data.workingThrough[index] = quint16(count);
    }

    WorkingDayCalendar calendar;
    calendar.m_years.insert(year, std::move(data));
    return calendar;
}

Status WorkingDayCalendar::merge(const WorkingDayCalendar &other)
{
    for (auto it = other.m_years.cbegin(); it != other.m_years.cend(); ++it) {
        if (const Year *existing = yearData(it.key())) {
            return Error {invalidFileCode,
                tr("%1: %2 already describes %3; keep one calendar file a year.")
                    .arg(it->fileName, existing->fileName)
                    .arg(it.key()),
                {{QStringLiteral("file"), it->fileName}, {QStringLiteral("other_file"), existing->fileName},
                    {QStringLiteral("field"), QStringLiteral("year")},
                    {QStringLiteral("reason"), QStringLiteral("duplicate_year")}}};
        }
    }
    for (auto it = other.m_years.cbegin(); it != other.m_years.cend(); ++it)
        m_years.insert(it.key(), it.value());
    return {};
}

const WorkingDayCalendar::Year *WorkingDayCalendar::yearData(int year) const
{
    const auto it = m_years.constFind(year);
    return it == m_years.cend() ? nullptr : &it.value();
}

int WorkingDayCalendar::workingThrough(QDate date) const
{
    if (const Year *data = yearData(date.year()))
        return data->workingThrough[std::size_t(date.dayOfYear() - 1)];
    return weekdaysThrough(date);
}

int WorkingDayCalendar::workingInYear(int year) const
{
    return workingThrough(QDate(year, 12, 31));
}

QDate WorkingDayCalendar::nthWorkingDayOfYear(int year, int n) const
{
    if (const Year *data = yearData(year)) {
        const auto it = std::lower_bound(data->workingThrough.cbegin(), data->workingThrough.cend(), n);
        return QDate(year, 1, 1).addDays(it - data->workingThrough.cbegin());
    }
    return nthWeekdayOfYear(year, n);
}

bool WorkingDayCalendar::isWorkingDay(QDate date) const
{
    if (!date.isValid())
        return false;
    if (date.dayOfYear() == 1)
        return workingThrough(date) == 1;
    return workingThrough(date) != workingThrough(date.addDays(-1));
}

QDate WorkingDayCalendar::addWorkingDays(QDate from, int n) const
{
    if (!from.isValid() || n <= 0)
        return from;
    int year = from.year();
    qint64 target = qint64(workingThrough(from)) + n;
    for (;;) {
        const int total = workingInYear(year);
        if (target <= total)
            return nthWorkingDayOfYear(year, int(target));
        target -= total;
        ++year;
    }
}

QDate WorkingDayCalendar::nextWorkingDay(QDate date) const
{
    return addWorkingDays(date, 1);
}

int WorkingDayCalendar::workingDaysBetween(QDate from, QDate to) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return 0;
    if (from.year() == to.year())
        return workingThrough(to) - workingThrough(from);
    int count = workingInYear(from.year()) - workingThrough(from);
    for (int year = from.year() + 1; year < to.year(); ++year)
        count += workingInYear(year);
    return count + workingThrough(to);
}

QString WorkingDayCalendar::holidayName(QDate date) const
{
    const Year *data = date.isValid() ? yearData(date.year()) : nullptr;
    if (!data)
        return {};
    const qint16 index = data->holiday[std::size_t(date.dayOfYear() - 1)];
    return index < 0 ? QString() : data->holidayNames.at(index);
}

bool WorkingDayCalendar::hasDataFor(int year) const
{
    return m_years.contains(year);
}

QList<int> WorkingDayCalendar::years() const
{
    return m_years.keys();
}

QString WorkingDayCalendar::fileFor(int year) const
{
    const Year *data = yearData(year);
    return data ? data->fileName : QString();
}

QList<int> WorkingDayCalendar::yearsWithoutData(QDate from, QDate to) const
{
    QList<int> missing;
    if (!from.isValid() || !to.isValid())
        return missing;
    const int last = qMax(from.year(), to.year());
    for (int year = qMin(from.year(), to.year()); year <= last; ++year) {
        if (!hasDataFor(year))
            missing.append(year);
    }
    return missing;
}

QString WorkingDayCalendar::fallbackWarning(int year) const
{
    if (hasDataFor(year))
        return {};
    // BRIEF §5: a missing year falls back to Monday–Friday with a warning.
    return tr("No holiday calendar for %1: counting Monday to Friday only.").arg(year);
}

} // namespace casedesk
