#pragma once

#include "domain/LocalizedText.h"
#include "report/EarlyWarningRules.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace casedesk {

// A category or branch whose monthly count exceeded its recent baseline (BRIEF §8 预警), with the
// numbers that triggered it, so the reader can check the flag by hand.
struct EarlyWarning
{
    QString dimension; // "category" or "branch"
    QString code; // category code or branch id
    LocalizedText name;
    qint64 count = 0; // the report month
    QList<qint64> baseline; // the previous months, oldest first (months without cases count 0)
    double mean = 0;
    double sigma = 0; // population standard deviation of the baseline
    double multiplier = 0; // k
    double threshold = 0; // mean + k·σ
    qint64 minimumCount = 0;

    // Flags when count ≥ the minimum count and count > mean + k·σ of the baseline; nullopt otherwise.
    static std::optional<EarlyWarning> judge(
        qint64 count, const QList<qint64> &baseline, const EarlyWarningRules &rules);
    QJsonObject toJson() const;
};

} // namespace casedesk
