#include "rules/TimeLimits.h"

#include "base/JsonReader.h"
#include "rules/RuleFileError.h"

#include <QTimeZone>

namespace casedesk {

namespace {
// Reads a positive whole number and reports it when it is missing or not positive.
int positive(JsonReader &reader, const QString &key)
{
    const qint64 value = reader.integer(key, 0, true);
    if (reader.ok() && (value <= 0 || value > 3650))
        reader.invalid(
            key, TimeLimits::tr("Field “%1” must be a whole number between 1 and 3650.").arg(reader.fieldPath(key)));
    return int(value);
}
} // namespace

Result<TimeLimits> TimeLimits::fromJson(const QJsonObject &json, const QString &fileName)
{
    TimeLimits limits;
    JsonReader reader(json);
    reader.integer(QStringLiteral("version"), 0, true);
    {
        auto r = reader.child(QStringLiteral("register"), true);
        limits.m_registerWorkingDays = positive(r, QStringLiteral("working_days"));
    }
    {
        auto r = reader.child(QStringLiteral("contact"), true);
        limits.m_contactWorkingDays = positive(r, QStringLiteral("working_days"));
    }
    {
        auto resolve = reader.child(QStringLiteral("resolve"), true);
        auto general = resolve.child(QStringLiteral("general"), true);
        limits.m_generalWorkingDays = positive(general, QStringLiteral("working_days"));
        auto complex = resolve.child(QStringLiteral("complex"), true);
        limits.m_complexWorkingDays = positive(complex, QStringLiteral("working_days"));
        auto extended = resolve.child(QStringLiteral("extended"), true);
        limits.m_extendedResolveWorkingDays = positive(extended, QStringLiteral("working_days"));
        limits.m_maxResolveExtensions = int(resolve.integer(QStringLiteral("max_extensions"), 0, true));
        if (resolve.ok() && limits.m_extendedResolveWorkingDays < limits.m_complexWorkingDays)
            resolve.invalid(
                QStringLiteral("extended"), tr("The extended limit must not be shorter than the complex limit."));
    }
    {
        auto statutory = reader.child(QStringLiteral("statutory"), true);
        limits.m_statutoryCalendarDays = positive(statutory, QStringLiteral("calendar_days"));
        const QJsonArray extensions = statutory.array(QStringLiteral("extensions_calendar_days"), true);
        int previous = limits.m_statutoryCalendarDays;
        for (const QJsonValue &v : extensions) {
            const int days = v.toInt(-1);
            if (!v.isDouble() || days <= previous) {
                statutory.invalid(QStringLiteral("extensions_calendar_days"),
                    tr("Statutory extensions must be whole numbers of days, each longer than the one before."));
                break;
            }
            limits.m_statutoryExtensionDays.append(days);
            previous = days;
        }
    }
    {
        auto visit = reader.child(QStringLiteral("visit"), true);
        limits.m_visitWorkingDays = positive(visit, QStringLiteral("working_days"));
        limits.m_visitAttempts = positive(visit, QStringLiteral("attempts"));
    }
    limits.m_dueSoonShare = reader.number(QStringLiteral("due_soon_share"), 0, true);
    if (reader.ok() && (limits.m_dueSoonShare <= 0 || limits.m_dueSoonShare >= 1))
        reader.invalid(
            QStringLiteral("due_soon_share"), tr("“due_soon_share” must be a fraction between 0 and 1, e.g. 0.75."));
    const QString cutoff = reader.string(QStringLiteral("default_cutoff"), true);
    limits.m_defaultCutoff = QTime::fromString(cutoff, QStringLiteral("HH:mm"));
    if (reader.ok() && !limits.m_defaultCutoff.isValid())
        reader.invalid(
            QStringLiteral("default_cutoff"), tr("“default_cutoff” must be a time written HH:mm, e.g. 17:00."));
    limits.m_defaultTimeZone = reader.string(QStringLiteral("default_timezone"), true);
    if (reader.ok() && !QTimeZone(limits.m_defaultTimeZone.toUtf8()).isValid())
        reader.invalid(
            QStringLiteral("default_timezone"), tr("“%1” is not a known time zone.").arg(limits.m_defaultTimeZone));
    {
        auto repeat = reader.child(QStringLiteral("repeat"), true);
        limits.m_repeatWindowDays = positive(repeat, QStringLiteral("window_days"));
    }
    {
        auto group = reader.child(QStringLiteral("group"), true);
        limits.m_maxRepresentatives = positive(group, QStringLiteral("max_representatives"));
    }
    if (!reader.ok())
        return RuleFileError::make(fileName, {}, reader.error());
    return limits;
}

int TimeLimits::resolveWorkingDays(Complexity complexity) const
{
    return complexity == Complexity::Complex ? m_complexWorkingDays : m_generalWorkingDays;
}

int TimeLimits::statutoryCalendarDays(int extensions) const
{
    if (extensions <= 0 || m_statutoryExtensionDays.isEmpty())
        return m_statutoryCalendarDays;
    return m_statutoryExtensionDays.at(qMin(extensions, int(m_statutoryExtensionDays.size())) - 1);
}

} // namespace casedesk
