#pragma once

#include "base/Result.h"
#include "domain/Codes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

namespace casedesk {

// How a category is handled for time-limit purposes (BRIEF §5): general or complex.
enum class Complexity { General, Complex };

template<>
struct CodeTable<Complexity>
{
    static constexpr CodeEntry<Complexity> entries[] = {
        {Complexity::General, "general"},
        {Complexity::Complex, "complex"},
    };
};

// Every time limit and threshold of BRIEF §5 and §9, read from resources/rules/time-limits.json.
// Code never writes "3 working days"; it asks this object.
class TimeLimits
{
    Q_DECLARE_TR_FUNCTIONS(TimeLimits)

public:
    static Result<TimeLimits> fromJson(const QJsonObject &json, const QString &fileName);

    int registerWorkingDays() const { return m_registerWorkingDays; }
    int contactWorkingDays() const { return m_contactWorkingDays; }
    int resolveWorkingDays(Complexity complexity) const;
    int extendedResolveWorkingDays() const { return m_extendedResolveWorkingDays; }
    int maxResolveExtensions() const { return m_maxResolveExtensions; }
    // Statutory limit in calendar days after the given number of approved extensions (0, 1, 2 …).
    int statutoryCalendarDays(int extensions = 0) const;
    int maxStatutoryExtensions() const { return int(m_statutoryExtensionDays.size()); }
    int visitWorkingDays() const { return m_visitWorkingDays; }
    int visitAttempts() const { return m_visitAttempts; }
    double dueSoonShare() const { return m_dueSoonShare; }
    QTime defaultCutoff() const { return m_defaultCutoff; }
    QString defaultTimeZone() const { return m_defaultTimeZone; }
    int repeatWindowDays() const { return m_repeatWindowDays; }
    int maxRepresentatives() const { return m_maxRepresentatives; }

private:
    int m_registerWorkingDays = 0;
    int m_contactWorkingDays = 0;
    int m_generalWorkingDays = 0;
    int m_complexWorkingDays = 0;
    int m_extendedResolveWorkingDays = 0;
    int m_maxResolveExtensions = 0;
    int m_statutoryCalendarDays = 0;
    QList<int> m_statutoryExtensionDays;
    int m_visitWorkingDays = 0;
    int m_visitAttempts = 0;
    double m_dueSoonShare = 0;
    QTime m_defaultCutoff;
    QString m_defaultTimeZone;
    int m_repeatWindowDays = 0;
    int m_maxRepresentatives = 0;
};

} // namespace casedesk
