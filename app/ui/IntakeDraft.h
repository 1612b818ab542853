#pragma once

#include "domain/Case.h"
#include "rules/RoutingRules.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <optional>

namespace casedesk {

class Workspace;

// A complaint being typed at the counter, judged as the clerk types (issue 4 §3) by the same core
// checks a save runs — CaseFields for each value, the intake field rules, IntakeValidator — and
// evaluated by CaseEvaluator for the preview: priority with its reasons, handling unit, deadlines and
// the number a save would issue. Nothing is written.
class IntakeDraft
{
    Q_DECLARE_TR_FUNCTIONS(IntakeDraft)

public:
    // An earlier local case from the same contact (BRIEF §2 repeat complaints). The client has no
    // keyed hashes, so it compares the numbers it holds; the server decides again on sync.
    struct PossibleRepeat
    {
        QString caseId;
        QString number;
        QString category;
        QDateTime receivedAt;
        bool sameCategory = false;
        bool exactMatch = false; // false when only the masked number of a pulled case matched
    };

    struct Evaluation
    {
        QMap<QString, QString> invalid; // field path → why the value cannot be accepted
        QMap<QString, QString> missing; // required field path → what to enter
        QStringList warnings; // recommended fields left empty, calendar fallbacks
        std::optional<Case> preview; // priority and routing; deadlines count only once the category is known
        bool categoryKnown = false;
        RoutingDecision routing;
        QString number; // what a save would issue now
        QList<PossibleRepeat> repeats;
        std::optional<Priority> priorityIfRepeat; // when a confirmed repeat would raise the priority

        bool acceptable() const { return invalid.isEmpty() && missing.isEmpty(); }
        // Every problem, invalid first, in the order of `fieldOrder`.
        QStringList problemFields(const QStringList &fieldOrder) const;
    };

    explicit IntakeDraft(Workspace &workspace);

    // input: the case fields as the form sends them to OfflineCasework::createCase.
    Evaluation evaluate(const QJsonObject &input) const;
    QList<PossibleRepeat> findPossibleRepeats(const Case &draft) const;
    // The local cases changed (a save, a pull): look again next time.
    void forgetRepeats() const { m_repeatKey.clear(); }

private:
    QString friendly(const Error &error, const QString &path) const;

    Workspace &m_workspace;
    // The lookup reads many local cases; typing the summary must not repeat it on every keystroke.
    mutable QString m_repeatKey;
    mutable QList<PossibleRepeat> m_repeatCache;
};

} // namespace casedesk
