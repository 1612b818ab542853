#include "rules/RulePack.h"

#include "rules/RuleFileError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace casedesk {

namespace {

const QString timeLimitsFile = QStringLiteral("time-limits.json");
const QString priorityRulesFile = QStringLiteral("priority-rules.json");
const QString routingRulesFile = QStringLiteral("routing-rules.json");
const QString recordSchemaFile = QStringLiteral("case-records.json");
const QString intakeFieldsFile = QStringLiteral("intake-fields.json");
const QString profilePrefix = QStringLiteral("profile-");
const QString jsonSuffix = QStringLiteral(".json");

struct RuleFileContent
{
    QJsonObject json;
    QString path;
    bool overridden = false;
};

QString profileFile(const QString &profile)
{
    return profilePrefix + profile + jsonSuffix;
}

QString locate(const QString &overrideDirectory, const QString &fileName, bool *overridden)
{
    if (!overrideDirectory.isEmpty()) {
        const QString candidate = QDir(overrideDirectory).filePath(fileName);
        if (QFileInfo::exists(candidate)) {
            *overridden = true;
            return candidate;
        }
    }
    *overridden = false;
    return RulePack::builtInDirectory() + QLatin1Char('/') + fileName;
}

Result<RuleFileContent> readRuleFile(const QString &overrideDirectory, const QString &fileName)
{
    RuleFileContent content;
    content.path = locate(overrideDirectory, fileName, &content.overridden);
    QFile file(content.path);
    if (!file.open(QIODevice::ReadOnly))
        return RuleFileError::unreadable(content.path, RulePack::tr("cannot be read: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Admins edit these files by hand: say where the JSON breaks, not only that it does.
        const qsizetype offset = qBound(qsizetype(0), qsizetype(parseError.offset), bytes.size());
        const qsizetype line = bytes.left(offset).count('\n') + 1;
        const qsizetype column = offset - bytes.lastIndexOf('\n', offset - 1);
        return RuleFileError::unreadable(content.path,
            RulePack::tr("not valid JSON at line %1, column %2: %3")
                .arg(line)
                .arg(column)
                .arg(parseError.errorString()),
            {{QStringLiteral("reason"), QStringLiteral("not_json")}, {QStringLiteral("line"), line},
                {QStringLiteral("column"), column}});
    }
    if (!document.isObject()) {
        return RuleFileError::unreadable(content.path, RulePack::tr("must hold a JSON object."),
            {{QStringLiteral("reason"), QStringLiteral("not_an_object")}});
    }
    content.json = document.object();
    return content;
}

// Reads one file of the pack with the parser of its class and remembers where it came from.
template<typename T>
Status loadPart(
    const QString &overrideDirectory, const QString &fileName, T &target, QString &path, QStringList &overridden)
{
    const auto content = readRuleFile(overrideDirectory, fileName);
    if (!content)
        return content.error();
    auto parsed = T::fromJson(content->json, content->path);
    if (!parsed)
        return parsed.error();
    target = std::move(parsed).value();
    path = content->path;
    if (content->overridden)
        overridden.append(content->path);
    return {};
}

} // namespace

QString RulePack::builtInDirectory()
{
    return QStringLiteral(":/casedesk/rules");
}

QStringList RulePack::availableProfiles(const QString &overrideDirectory)
{
    QStringList profiles;
    QStringList directories {builtInDirectory()};
    if (!overrideDirectory.isEmpty())
        directories.append(overrideDirectory);
    for (const QString &directory : directories) {
        const QStringList files
            = QDir(directory).entryList({profilePrefix + QLatin1Char('*') + jsonSuffix}, QDir::Files);
        for (const QString &file : files) {
            const QString profile
                = file.mid(profilePrefix.size(), file.size() - profilePrefix.size() - jsonSuffix.size());
            if (!profiles.contains(profile))
                profiles.append(profile);
        }
    }
    profiles.sort();
    return profiles;
}

Result<RulePack> RulePack::load(const QString &overrideDirectory, const QString &profile)
{
    // The profile names a file: refuse anything that could step outside the rule directories.
    static const QRegularExpression profilePattern(QStringLiteral("^[a-z][a-z0-9_]*$"));
    const QStringList available = availableProfiles(overrideDirectory);
    if (!profilePattern.match(profile).hasMatch() || !available.contains(profile)) {
        return Error {QStringLiteral("unknown_profile"),
            tr("“%1” is not a rule profile; profiles are: %2.").arg(profile, available.join(QStringLiteral(", "))),
            {{QStringLiteral("value"), profile}, {QStringLiteral("allowed"), QJsonArray::fromStringList(available)}}};
    }

    RulePack pack;
    QString taxonomyPath;
    QString timeLimitsPath;
    QString priorityPath;
    QString routingPath;
    QString recordsPath;
    QString intakePath;
    QStringList &overridden = pack.m_overriddenFiles;
    if (Status s = loadPart(overrideDirectory, profileFile(profile), pack.m_taxonomy, taxonomyPath, overridden); !s)
        return s.error();
    if (pack.m_taxonomy.profile() != profile) {
        return RuleFileError::make(taxonomyPath, {},
            {QStringLiteral("invalid_value"),
                tr("The file declares profile “%1” but is named for profile “%2”.")
                    .arg(pack.m_taxonomy.profile(), profile),
                {{QStringLiteral("field"), QStringLiteral("profile")},
                    {QStringLiteral("value"), pack.m_taxonomy.profile()}}});
    }
    if (Status s = loadPart(overrideDirectory, timeLimitsFile, pack.m_timeLimits, timeLimitsPath, overridden); !s)
        return s.error();
    if (Status s = loadPart(overrideDirectory, priorityRulesFile, pack.m_priorityRules, priorityPath, overridden); !s)
        return s.error();
    if (Status s = loadPart(overrideDirectory, routingRulesFile, pack.m_routingRules, routingPath, overridden); !s)
        return s.error();
    if (Status s = loadPart(overrideDirectory, recordSchemaFile, pack.m_recordSchema, recordsPath, overridden); !s)
        return s.error();
    if (Status s = loadPart(overrideDirectory, intakeFieldsFile, pack.m_intakeFields, intakePath, overridden); !s)
        return s.error();
    if (Status s = pack.crossCheck(priorityPath, routingPath); !s)
        return s.error();
    return pack;
}

RulePack RulePack::builtIn(const QString &profile)
{
    auto pack = load(QString(), profile);
    if (!pack)
        qFatal("The built-in rule pack \"%s\" is broken: %s", qPrintable(profile), qPrintable(pack.error().message));
    return std::move(pack).value();
}

Status RulePack::crossCheck(const QString &priorityPath, const QString &routingPath)
{
    // Units are per profile, and a case routed to a unit nobody has would be lost: an error.
    const QList<RoutingRule> &routing = m_routingRules.rules();
    for (int i = 0; i < routing.size(); ++i) {
        const RoutingRule &rule = routing.at(i);
        if (m_taxonomy.unit(rule.unit))
            continue;
        return RuleFileError::make(routingPath, rule.id,
            {QStringLiteral("invalid_value"), tr("Unit “%1” is not defined in profile “%2”.").arg(rule.unit, profile()),
                {{QStringLiteral("field"), QStringLiteral("rules[%1].unit").arg(i)},
                    {QStringLiteral("value"), rule.unit}}});
    }

    // Categories and business lines differ between profiles while the rules are shared: a rule naming
    // one this profile lacks simply cannot fire for it, which the admin should know about.
    const auto checkCodes = [this](const QString &path, const QString &ruleId, const Condition &when) {
        for (const Condition *test : when.tests()) {
            const FactDefinition *fact = CaseFacts::definition(test->fact());
            if (!fact)
                continue;
            for (const QString &value : test->values()) {
                const bool known = fact->values == FactValues::Category ? m_taxonomy.category(value) != nullptr
                    : fact->values == FactValues::BusinessCategory
                    ? m_taxonomy.axisNode(QStringLiteral("business"), value) != nullptr
                    : true;
                if (!known) {
                    m_warnings.append(
                        tr("%1, entry “%2”, field “%3”: “%4” is not a %5 of profile “%6”; the rule cannot "
                           "fire on it.")
                            .arg(path, ruleId, test->path() + QStringLiteral(".in"), value, test->fact(), profile()));
                }
            }
        }
    };
    for (const PriorityRule &rule : m_priorityRules.rules())
        checkCodes(priorityPath, rule.id, rule.when);
    for (const RoutingRule &rule : routing)
        checkCodes(routingPath, rule.id, rule.when);
    return {};
}

} // namespace casedesk
