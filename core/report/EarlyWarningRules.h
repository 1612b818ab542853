#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace casedesk {

// The parameters of the monthly early warning (BRIEF §8, 001 ch.8, 002), read from
// resources/rules/early-warning.json: how many previous months form the baseline, k of mean + k·σ,
// the minimum count below which nothing is flagged, and which dimensions are watched.
class EarlyWarningRules
{
    Q_DECLARE_TR_FUNCTIONS(EarlyWarningRules)

public:
    static QString fileName() { return QStringLiteral("early-warning.json"); }
    // The dimensions a rule file may name.
    static QStringList knownDimensions();
    // The longest baseline a report can supply (the report spans the month and the 12 before it).
    static int maxBaselineMonths() { return 12; }

    // Reads the admin's copy in overrideDirectory (e.g. DATA/rules) when there is one, else the
    // built-in :/casedesk/rules/early-warning.json. Errors are "invalid_rule_file" naming the field.
    static Result<EarlyWarningRules> load(const QString &overrideDirectory = {});
    static Result<EarlyWarningRules> fromJson(const QJsonObject &json, const QString &fileName);

    int baselineMonths() const { return m_baselineMonths; }
    double sigmaMultiplier() const { return m_sigmaMultiplier; }
    qint64 minimumCount() const { return m_minimumCount; }
    const QStringList &dimensions() const { return m_dimensions; }
    bool watches(const QString &dimension) const { return m_dimensions.contains(dimension); }

    QJsonObject toJson() const;

private:
    int m_baselineMonths = 0;
    double m_sigmaMultiplier = 0;
    qint64 m_minimumCount = 0;
    QStringList m_dimensions;
};

} // namespace casedesk
