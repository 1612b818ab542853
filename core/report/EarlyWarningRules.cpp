#include "report/EarlyWarningRules.h"

#include "rules/RuleFileReader.h"
#include "rules/RulePack.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace casedesk {

QStringList EarlyWarningRules::knownDimensions()
{
    return {QStringLiteral("category"), QStringLiteral("branch")};
}

Result<EarlyWarningRules> EarlyWarningRules::load(const QString &overrideDirectory)
{
    QString path = RulePack::builtInDirectory() + QLatin1Char('/') + fileName();
    if (!overrideDirectory.isEmpty() && QFileInfo::exists(QDir(overrideDirectory).filePath(fileName())))
        path = QDir(overrideDirectory).filePath(fileName());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return RuleFileError::unreadable(path, tr("cannot be read: %1").arg(file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return RuleFileError::unreadable(path, tr("is not a JSON object: %1").arg(parseError.errorString()),
            {{QStringLiteral("reason"), QStringLiteral("not_json")}});
    }
    return fromJson(document.object(), path);
}

Result<EarlyWarningRules> EarlyWarningRules::fromJson(const QJsonObject &json, const QString &fileName)
{
    RuleFileReader file(json, fileName);
    file.readHeader();
    JsonReader &reader = file.root();
    EarlyWarningRules rules;
    rules.m_baselineMonths = int(reader.integer(QStringLiteral("baseline_months"), 0, true));
    if (reader.ok() && (rules.m_baselineMonths < 2 || rules.m_baselineMonths > maxBaselineMonths())) {
        reader.invalid(QStringLiteral("baseline_months"),
            tr("The baseline must span between 2 and %1 months.").arg(maxBaselineMonths()));
    }
    rules.m_sigmaMultiplier = reader.number(QStringLiteral("sigma_multiplier"), 0, true);
    if (reader.ok() && (rules.m_sigmaMultiplier < 0 || rules.m_sigmaMultiplier > 10))
        reader.invalid(QStringLiteral("sigma_multiplier"), tr("k must be a number between 0 and 10, e.g. 2."));
    rules.m_minimumCount = reader.integer(QStringLiteral("minimum_count"), 0, true);
    if (reader.ok() && rules.m_minimumCount < 1)
        reader.invalid(QStringLiteral("minimum_count"), tr("The minimum count must be a whole number of at least 1."));
    rules.m_dimensions = reader.stringList(QStringLiteral("dimensions"), true);
    for (const QString &dimension : std::as_const(rules.m_dimensions)) {
        if (reader.ok() && !knownDimensions().contains(dimension)) {
            reader.invalid(QStringLiteral("dimensions"),
                tr("“%1” is not a dimension the report watches; use %2.")
                    .arg(dimension, knownDimensions().join(QStringLiteral(", "))),
                {{QStringLiteral("value"), dimension}});
        }
    }
    reader.rejectUnknown({QStringLiteral("version"), QStringLiteral("source"), QStringLiteral("baseline_months"),
        QStringLiteral("sigma_multiplier"), QStringLiteral("minimum_count"), QStringLiteral("dimensions")});
    if (!file.ok())
        return file.error();
    return rules;
}

QJsonObject EarlyWarningRules::toJson() const
{
    return {{QStringLiteral("baseline_months"), m_baselineMonths},
        {QStringLiteral("sigma_multiplier"), m_sigmaMultiplier}, {QStringLiteral("minimum_count"), m_minimumCount},
        {QStringLiteral("dimensions"), QJsonArray::fromStringList(m_dimensions)}};
}

} // namespace casedesk
