#include "rules/RuleFileReader.h"

namespace casedesk {

RuleFileReader::RuleFileReader(const QJsonObject &json, QString fileName)
    : m_root(json)
    , m_fileName(std::move(fileName))
{ }

void RuleFileReader::readHeader()
{
    m_root.integer(QStringLiteral("version"), 0, true);
    m_root.string(QStringLiteral("source"));
}

void RuleFileReader::checkUnique(JsonReader &entry, const QString &key, const QString &code, QSet<QString> &seen)
{
    if (!ok() || code.isEmpty())
        return;
    if (seen.contains(code)) {
        entry.invalid(key, tr("“%1” is used by an earlier entry; codes must be unique.").arg(code),
            {{QStringLiteral("value"), code}});
        return;
    }
    seen.insert(code);
}

void RuleFileReader::noteFailure()
{
    // The innermost entry notices the failure first; outer entries keep what it recorded.
    if (ok() || m_failureNoted)
        return;
    m_failedEntry = m_entries.join(QLatin1Char('.'));
    m_failureNoted = true;
}

Error RuleFileReader::error() const
{
    return RuleFileError::make(m_fileName, m_failedEntry, m_root.error());
}

} // namespace casedesk
