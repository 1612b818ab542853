#pragma once

#include "base/JsonReader.h"
#include "base/Result.h"
#include "rules/RuleFileError.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace casedesk {

// Reads one rule file with a JsonReader and remembers which entry (rule id, category code, "rules[3]"
// when it has none) was being read when the first problem showed, so that error() names the file, the
// entry and the field (RuleFileError). Every rule file is read through one of these.
class RuleFileReader
{
    Q_DECLARE_TR_FUNCTIONS(RuleFileReader)

public:
    // Whether a list must be present, and whether it may then be empty.
    enum class Presence { Optional, Required, NonEmpty };

    RuleFileReader(const QJsonObject &json, QString fileName);

    JsonReader &root() { return m_root; }
    const QString &fileName() const { return m_fileName; }

    // Reads the header every rule file has: a whole-number "version" and an optional "source" note.
    void readHeader();

    // Calls readEntry(JsonReader &entry, int index) for each element of the list parent[key], with the
    // entry named after its idKey field. Lists read inside readEntry name their entries "outer.inner".
    template<typename ReadEntry>
    void readList(
        JsonReader &parent, const QString &key, const QString &idKey, Presence presence, ReadEntry &&readEntry)
    {
        const QJsonArray items = parent.array(key, presence != Presence::Optional);
        if (presence == Presence::NonEmpty && ok() && items.isEmpty())
            parent.invalid(key, tr("The list “%1” must not be empty.").arg(parent.fieldPath(key)));
        for (int i = 0; i < items.size() && ok(); ++i) {
            m_entries.append(RuleFileError::entryName(items.at(i), idKey, key, i));
            JsonReader entry = parent.element(items, i, key);
            if (ok())
                readEntry(entry, i);
            noteFailure();
            m_entries.removeLast();
        }
    }

    // Reports a code that an earlier entry of the same list already used.
    void checkUnique(JsonReader &entry, const QString &key, const QString &code, QSet<QString> &seen);

    bool ok() const { return m_root.ok(); }
    Error error() const;

private:
    void noteFailure();

    JsonReader m_root;
    QString m_fileName;
    QStringList m_entries;
    QString m_failedEntry;
    bool m_failureNoted = false;
};

} // namespace casedesk
