#pragma once

#include "rules/CaseFacts.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace casedesk {

class JsonReader;

// The "when" of a priority or routing rule (BRIEF §4): a test of one fact — {"fact": F, "is": bool},
// {"fact": F, "in": [codes]}, {"fact": F, "at_least": n}, {"fact": F, "at_most": n} — or a combination
// {"all": [...]}, {"any": [...]}, {"not": {...}}. Checked against the fact vocabulary when read.
class Condition
{
    Q_DECLARE_TR_FUNCTIONS(Condition)

public:
    enum class Operator { Is, In, AtLeast, AtMost, All, Any, Not };

    // Reads the condition object the reader stands on; problems go to the reader with their field path.
    // A default-constructed condition matches nothing.
    static Condition read(JsonReader &reader);

    bool matches(const CaseFacts &facts) const;

    Operator op() const { return m_op; }
    QString fact() const { return m_fact; }
    QStringList values() const { return m_values; }
    bool expected() const { return m_expected; }
    double threshold() const { return m_threshold; }
    const QList<Condition> &children() const { return m_children; }
    // Where the condition sits in its file ("rules[2].when.all[0]"), for messages about it.
    QString path() const { return m_path; }
    // Every single-fact test inside, depth first (to cross-check codes against the taxonomy).
    QList<const Condition *> tests() const;

private:
    void readTest(JsonReader &reader);
    void readCombination(JsonReader &reader);
    void collectTests(QList<const Condition *> &tests) const;

    Operator m_op = Operator::Any; // a condition never read matches nothing
    QString m_fact;
    QStringList m_values;
    bool m_expected = false;
    double m_threshold = 0;
    QList<Condition> m_children;
    QString m_path;
};

} // namespace casedesk
