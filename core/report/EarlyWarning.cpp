#include "report/EarlyWarning.h"

#include <QJsonArray>

#include <cmath>

namespace casedesk {

std::optional<EarlyWarning> EarlyWarning::judge(
    qint64 count, const QList<qint64> &baseline, const EarlyWarningRules &rules)
{
    if (baseline.isEmpty())
        return std::nullopt;
    EarlyWarning warning;
    warning.count = count;
    warning.baseline = baseline;
    warning.multiplier = rules.sigmaMultiplier();
    warning.minimumCount = rules.minimumCount();
    double sum = 0;
    for (qint64 value : baseline)
        sum += double(value);
    warning.mean = sum / double(baseline.size());
    double squares = 0;
    for (qint64 value : baseline)
        squares += (double(value) - warning.mean) * (double(value) - warning.mean);
    // Population σ (divide by n): the baseline is the whole of the months compared, not a sample of them.
    warning.sigma = std::sqrt(squares / double(baseline.size()));
    warning.threshold = warning.mean + warning.multiplier * warning.sigma;
    // A tiny relative tolerance keeps a count that equals the threshold from flagging on rounding noise.
    if (count < rules.minimumCount() || double(count) <= warning.threshold * (1 + 1e-12))
        return std::nullopt;
    return warning;
}

QJsonObject EarlyWarning::toJson() const
{
    QJsonArray months;
    for (qint64 value : baseline)
        months.append(value);
    return {{QStringLiteral("dimension"), dimension}, {QStringLiteral("code"), code},
        {QStringLiteral("name"), name.toJson()}, {QStringLiteral("count"), count}, {QStringLiteral("baseline"), months},
        {QStringLiteral("mean"), mean}, {QStringLiteral("sigma"), sigma}, {QStringLiteral("k"), multiplier},
        {QStringLiteral("threshold"), threshold}, {QStringLiteral("minimum_count"), minimumCount}};
}

} // namespace casedesk
