#pragma once

#include "domain/Case.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace casedesk {

class Taxonomy;

// What kind of value a fact holds, and so which condition operators fit it (is / in / at_least, at_most).
enum class FactType { String, Bool, Number };

// Which codes a string fact takes, so rule files can be checked against them: fixed enums at load time,
// taxonomy codes when the pack is assembled.
enum class FactValues { Any, Channel, Complexity, Category, BusinessCategory };

// A fact rules may test: its name in rule files, its type and the codes it takes.
struct FactDefinition
{
    QString name;
    FactType type = FactType::Bool;
    FactValues values = FactValues::Any;
};

// The facts priority and routing rules look at (BRIEF §4), taken from a case. The list of fact names and
// types is the one fixed vocabulary in code; the rules themselves are data over it.
class CaseFacts
{
public:
    static const QList<FactDefinition> &definitions();
    static const FactDefinition *definition(const QString &name);
    static QString typeName(FactType type);

    // isRepeat and repeatOfEscalated come from the repeat lookup at intake (BRIEF §2); a case already
    // linked to an earlier one (repeatOf) counts as a repeat as well.
    static CaseFacts fromCase(const Case &complaint, const Taxonomy &taxonomy, bool isRepeat, bool repeatOfEscalated);

    // Setters ignore (with a warning) names that are not facts of that type.
    void setString(const QString &name, const QString &value);
    void setBool(const QString &name, bool value);
    void setNumber(const QString &name, double value);

    // A fact never set reads as empty, false or absent.
    QString string(const QString &name) const { return m_strings.value(name); }
    bool boolean(const QString &name) const { return m_bools.value(name, false); }
    std::optional<double> number(const QString &name) const;

private:
    static bool accepts(const QString &name, FactType type);

    QHash<QString, QString> m_strings;
    QHash<QString, bool> m_bools;
    QHash<QString, double> m_numbers;
};

} // namespace casedesk
